import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, Unique } from 'typeorm';
import { SubjectRow } from './subject-row';
import { Basis } from './attribution.enums';

/** Where one field of a cited fact comes from: the quotes that state it, or what it was inferred from. */
@Entity('field_provenance')
@Unique(['subjectType', 'subjectId', 'field'])
@Index(['subjectType', 'subjectId'])
@ObjectType({ simpleResolvers: true, description: 'Where the value of one field comes from: stated by quotes of the source, or inferred (and from what).' })
export class FieldProvenance extends SubjectRow {
  @Field({ description: 'The GraphQL field of the fact (`status`, `filed`, `plaintiffs`).' })
  @Column('varchar', { length: 64 })
  field: string;

  @Field(() => Basis)
  @Column('varchar', { length: 16 })
  basis: Basis;

  /** The quotes that state the value (each also a citation of the fact); resolved as `citations`. */
  @Column('simple-json')
  quotes: string[];

  @Field(() => String, { nullable: true, description: 'For INFERRED: what the value was inferred from.' })
  @Column('text', { nullable: true })
  note: string | null;
}
