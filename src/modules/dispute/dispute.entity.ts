import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { Cited } from '../../common/citation/cited.interface';
import { FuzzyDate, FuzzyDateColumn } from '../../common/fuzzy-date/fuzzy-date';
import { Node } from '../../common/node/node.interface';
import { NodeEntity } from '../../common/node/node.entity';
import { CountedRows } from '../../common/database/counted-rows';
import { DisputeKind, DisputeStatus } from './dispute.enums';

/** A conflict between two sides, as a source describes it, and the facts that make it up. */
// An unfiltered connection of them counts in one lookup (row-counts.ts).
@CountedRows()
@Entity('dispute')
@Index(['kind', 'slug'])
@ObjectType({
  simpleResolvers: true,
  implements: [Node, Cited],
  description: 'A conflict between two sides ("Huawei versus Verizon over patents") and the facts that make it up.',
})
export class Dispute extends NodeEntity {
  get nodeType() {
    return 'Dispute';
  }

  @Field()
  @Column({ unique: true })
  slug: string;

  @Field()
  @Column()
  title: string;

  @Field(() => DisputeKind)
  @Column('varchar', { length: 16 })
  kind: DisputeKind;

  @Field(() => DisputeStatus)
  @Column('varchar', { length: 16 })
  status: DisputeStatus;

  @Field(() => [String], {
    description: 'What it is about, as the source lists it (for a patent dispute, the technologies at issue); empty when the source does not say.',
  })
  @Column('simple-json', { default: '[]' })
  technologies: string[];

  @Field(() => FuzzyDate, { nullable: true, description: 'When it began, when the source says (or bounds it).' })
  @FuzzyDateColumn()
  started: FuzzyDate | null;
}
