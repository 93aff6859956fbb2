import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { Cited } from '../../common/citation/cited.interface';
import { Node } from '../../common/node/node.interface';
import { NodeEntity } from '../../common/node/node.entity';
import { PartyEntity } from './party.entity';

/** A cited description of a party ("one of the leading developers of 5G wireless networking tech"). */
@Entity('characterization')
@Unique(['partyId', 'text'])
@ObjectType({ simpleResolvers: true, implements: [Node, Cited], description: 'How a source characterizes a party.' })
export class Characterization extends NodeEntity {
  get nodeType() {
    return 'Characterization';
  }

  @Index()
  @Column()
  partyId: number;

  @ManyToOne(() => PartyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'party_id' })
  party?: PartyEntity;

  @Field()
  @Column('text')
  text: string;

  @Field(() => [String], { description: 'Topics it concerns, e.g. "5G".' })
  @Column('simple-json')
  topics: string[];
}
