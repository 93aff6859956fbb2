import { Field, InputType } from 'type-graphql';

// Checked by the mutation runner with `citations` of src/common/validation/rules.ts; a document's
// `quotes` by the same quote rule.

@InputType({ description: 'Where a fact is stated: a stored source (by slug) and a sentence copied verbatim from its text.' })
export class CitationInput {
  @Field({ description: 'Slug of a stored source (see `addSource`, `importSource`).' })
  source: string;

  @Field({ description: 'Must occur verbatim in the source text.' })
  quote: string;
}

/** Every input that states a fact carries its sources: no fact without a source. */
@InputType()
export abstract class CitedInput {
  @Field(() => [CitationInput], { description: 'At least one source and verbatim quote that state this.' })
  citations: CitationInput[];
}
