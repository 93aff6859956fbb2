import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { SubjectRow } from './subject-row';
import { Basis } from './attribution.enums';
import { Source } from './source.entity';
import { StatementRank } from './field-statement.enums';

/**
 * One value of one field of a cited fact, as one dated source gives it: the store keeps every
 * statement of a field (history), and the fact's row holds the current one's value (see
 * current-value.ts for the rule that picks it).
 */
@Entity('field_statement')
@Index(['subjectType', 'subjectId', 'field'])
@ObjectType('FieldStatement', {
  simpleResolvers: true,
  description: 'One value of one field of a fact, as one dated source gives it: stated by its quotes, or inferred (and from what).',
})
export class FieldStatement extends SubjectRow {
  @Field({ description: 'The GraphQL field of the fact (`status`, `filed`, `plaintiffs`).' })
  @Column('varchar', { length: 64 })
  field: string;

  @Field({ description: 'The value, as JSON text (`"SETTLED"`, `12`, `["huawei"]`; dates in the FuzzyDate notation, `"<=2020-02-06"`).' })
  @Column('text')
  value: string;

  @Field(() => Basis)
  @Column('varchar', { length: 16 })
  basis: Basis;

  /** The quotes that state the value (cited for the statement); resolved as `citations`. */
  @Column('simple-json')
  quotes: string[];

  @Field(() => String, { nullable: true, description: 'For INFERRED: what the value was inferred from.' })
  @Column('text', { nullable: true })
  note: string | null;

  /** In whose voice the source gives it, when not its own (null: REPORTED). */
  @Column('varchar', { length: 16, nullable: true })
  attribution: string | null;

  @Index()
  @Column('integer', { nullable: true })
  claimedById: number | null;

  /** Who claims it, in words, when not a stored party. */
  @Column('varchar', { length: 200, nullable: true })
  claimant: string | null;

  @Index()
  @Column('integer', { nullable: true })
  sourceId: number | null;

  @ManyToOne(() => Source, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'source_id' })
  source?: Source;

  /** The ISO prefix of the source's publication date (`2020-02-06`, `2021-07`): sortable, compared with as-of dates. */
  @Column('varchar', { length: 10 })
  knownSince: string;

  @Field({ description: 'When it was stored (ISO 8601 instant).' })
  @Column('varchar', { length: 24 })
  recordedAt: string;

  @Field({ description: 'Who stored it: the API key holder or the command, as the audit log names them.' })
  @Column('varchar', { length: 100 })
  recordedBy: string;

  @Field(() => StatementRank)
  @Column('varchar', { length: 16 })
  rank: StatementRank;
}
