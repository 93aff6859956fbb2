import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Cited } from '../../common/citation/cited.interface';
import { Node } from '../../common/node/node.interface';
import { NodeEntity } from '../../common/node/node.entity';
import { PartyEntity } from '../party/party.entity';

@Entity('ranking')
@ObjectType({ simpleResolvers: true, implements: [Node, Cited], description: 'A league table, e.g. the top 10 US patent receivers of 2019.' })
export class Ranking extends NodeEntity {
  get nodeType() {
    return 'Ranking';
  }

  @Field()
  @Column({ unique: true })
  slug: string;

  @Field()
  @Column()
  name: string;

  @Field(() => Int, { nullable: true })
  @Index()
  @Column('integer', { nullable: true })
  year: number | null;

  @Field(() => String, { nullable: true, description: 'What the ranking is based on.' })
  @Column('text', { nullable: true })
  basis: string | null;

  /** The authority whose records the ranking was computed from (e.g. the USPTO). */
  @Index()
  @Column('integer', { nullable: true })
  dataFromId: number | null;

  @ManyToOne(() => PartyEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'data_from_id' })
  dataFrom?: PartyEntity;
}
