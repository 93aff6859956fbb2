import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Cited } from '../../common/citation/cited.interface';
import { FuzzyDate, FuzzyDateColumn } from '../../common/fuzzy-date/fuzzy-date';
import { Node } from '../../common/node/node.interface';
import { NodeEntity } from '../../common/node/node.entity';
import { CountedRows } from '../../common/database/counted-rows';
import { RegulatoryAction } from '../regulatory-action/regulatory-action.entity';
import { CaseStatus, LawsuitKind } from './lawsuit.enums';

// An unfiltered connection of them counts in one lookup (row-counts.ts).
@CountedRows()
@Entity('lawsuit')
// The filtered connection (kind and/or status, in slug order) reads one of these, no sort.
@Index(['kind', 'slug'])
@Index(['status', 'slug'])
@Index(['kind', 'status', 'slug'])
@ObjectType({ simpleResolvers: true, implements: [Node, Cited], description: 'A lawsuit, prosecution or other legal case.' })
export class Lawsuit extends NodeEntity {
  get nodeType() {
    return 'Lawsuit';
  }

  @Field()
  @Column({ unique: true })
  slug: string;

  @Field()
  @Column()
  title: string;

  @Field(() => LawsuitKind)
  @Column('varchar', { length: 32 })
  kind: LawsuitKind;

  @Field(() => CaseStatus)
  @Column('varchar', { length: 16 })
  status: CaseStatus;

  @Field(() => FuzzyDate, { nullable: true })
  @Index()
  @FuzzyDateColumn()
  filed: FuzzyDate | null;

  @Field(() => String, { nullable: true, description: 'Court or forum, when the source names it.' })
  @Column('varchar', { nullable: true })
  venue: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  summary: string | null;

  @Field(() => [String], { description: 'Subject matter at issue (for patent suits, the technologies).' })
  @Column('simple-json')
  technologies: string[];

  @Index()
  @Column('integer', { nullable: true })
  challengesId: number | null;

  @ManyToOne(() => RegulatoryAction, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'challenges_id' })
  challengesAction?: RegulatoryAction;
}
