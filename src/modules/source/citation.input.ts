import { Field, InputType } from 'type-graphql';
import { Attribution, Basis } from '../../common/citation/attribution.enums';
import { StatementRank } from '../../common/citation/field-statement.enums';

// Checked by the mutation runner with `citations` of src/common/validation/rules.ts and the
// says-who rules of attribution.writes.ts; a document's items by the same rules.

@InputType({ description: 'Where a fact is stated: a stored source (by slug) and a sentence copied verbatim from its text.' })
export class CitationInput {
  @Field({ description: 'Slug of a stored source (see `addSource`, `importSource`).' })
  source: string;

  @Field({ description: 'Must occur verbatim in the source text.' })
  quote: string;
}

@InputType({ description: 'Where the value of one field comes from.' })
export class FieldProvenanceInput {
  @Field({ description: 'The field: one of those of the fact that assert something (`status`, `filed`…).' })
  field: string;

  @Field(() => Basis)
  basis: Basis;

  @Field(() => [CitationInput], { nullable: true, description: 'The quotes that state it (required for STATED); also cited for the fact.' })
  quotes?: CitationInput[] | null;

  @Field(() => String, { nullable: true, description: 'What it was inferred from (required for INFERRED).' })
  note?: string | null;

  @Field(() => StatementRank, {
    nullable: true,
    description:
      'PREFERRED: chosen over every other statement of the field; DEPRECATED: kept as history only. NORMAL when left out (a confirmed statement keeps its rank).',
  })
  rank?: StatementRank | null;
}

/** Every input that states a fact carries its sources (no fact without a source) and may say who says so. */
@InputType()
export abstract class CitedInput {
  @Field(() => [CitationInput], { description: 'At least one source and verbatim quote that state this.' })
  citations: CitationInput[];

  @Field(() => Attribution, {
    nullable: true,
    description: 'In whose voice the sources state it (REPORTED when left out on a new fact; unchanged on an update).',
  })
  attribution?: Attribution | null;

  @Field(() => String, { nullable: true, description: 'Slug of the party that claims or alleges it (with CLAIMED and ALLEGED).' })
  claimedBy?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Who claims or alleges it, in words, when it is not a stored party ("an analysis of filings with the US Patent and Trademark Office"); instead of `claimedBy`.',
  })
  claimant?: string | null;

  @Field(() => [String], { nullable: true, description: 'The sources\' own qualifying words, verbatim ("apparent").' })
  hedges?: string[] | null;

  @Field(() => [FieldProvenanceInput], {
    nullable: true,
    description:
      'Where given fields come from: each entry a statement of its sources, beside the stored ones (see `history`). A change of a stored field needs one.',
  })
  provenance?: FieldProvenanceInput[] | null;
}
