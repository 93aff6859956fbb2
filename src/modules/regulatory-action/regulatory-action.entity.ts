import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Cited } from '../../common/citation/cited.interface';
import { FuzzyDate, FuzzyDateColumn } from '../../common/fuzzy-date/fuzzy-date';
import { Node } from '../../common/node/node.interface';
import { NodeEntity } from '../../common/node/node.entity';
import { PartyEntity } from '../party/party.entity';

@Entity('regulatory_action')
@ObjectType({ simpleResolvers: true, implements: [Node, Cited], description: 'A decision or rule of an authority that affects a party.' })
export class RegulatoryAction extends NodeEntity {
  get nodeType() {
    return 'RegulatoryAction';
  }

  @Field()
  @Column({ unique: true })
  slug: string;

  @Index()
  @Column()
  authorityId: number;

  @ManyToOne(() => PartyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'authority_id' })
  authority?: PartyEntity;

  @Index()
  @Column('integer', { nullable: true })
  subjectId: number | null;

  @ManyToOne(() => PartyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'subject_id' })
  subject?: PartyEntity;

  @Field()
  @Column('text')
  description: string;

  @Field(() => FuzzyDate, { nullable: true })
  @Index()
  @FuzzyDateColumn()
  date: FuzzyDate | null;
}
