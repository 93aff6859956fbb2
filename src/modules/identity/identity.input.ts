import { Field, ID, InputType } from 'type-graphql';
import { CitationInput } from '../source/citation.input';

// The fields' rules are declared once, in identity.writes.ts (the mutation runner checks them).

@InputType({ description: 'Two party records that are one party: `absorb` is merged into `keep`.' })
export class MergePartiesInput {
  @Field({ description: 'Slug of the party that stays.' })
  keep: string;

  @Field({ description: 'Slug of the party merged into it: its links move to `keep`, its names become aliases, its slug and ID resolve to `keep`.' })
  absorb: string;

  @Field({ description: 'Why they are one party, in the editor’s words.' })
  reason: string;
}

@InputType({ description: 'Two parties that are not the same, whatever their names suggest.' })
export class MarkNotSamePartyInput {
  @Field()
  party: string;

  @Field()
  other: string;

  @Field({ description: 'Why they are different, in the editor’s words.' })
  reason: string;
}

@InputType({ description: 'Another name of a party, with the source that uses it.' })
export class AddPartyAliasInput {
  @Field({ description: 'Slug of the party.' })
  party: string;

  @Field({ description: 'The name, as the source writes it.' })
  alias: string;

  @Field(() => [CitationInput], {
    description: 'Where the name is used: a quote that contains it makes the alias STATED; otherwise `note` must say what it is inferred from.',
  })
  citations: CitationInput[];

  @Field(() => String, { nullable: true, description: 'For an alias no quote contains (an acronym): what it is inferred from.' })
  note?: string | null;
}

@InputType({ description: 'A name that is not the party’s.' })
export class RemovePartyAliasInput {
  @Field()
  party: string;

  @Field()
  alias: string;

  @Field({ description: 'Why the name is not the party’s (kept as the note of the aliases’ new statement).' })
  reason: string;
}

@InputType({ description: 'A new slug for a party or a slugged fact; the old one keeps resolving to it.' })
export class ChangeSlugInput {
  @Field(() => ID, { description: 'The global ID of the party or fact.' })
  id: string;

  @Field()
  slug: string;

  @Field({ description: 'Why the slug changes.' })
  reason: string;
}
