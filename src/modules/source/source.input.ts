import { Field, InputType } from 'type-graphql';

// The fields' rules are declared once, in source.writes.ts: the mutation runner checks these inputs by them,
// and the document importer checks a source document's facts by the same rules.

@InputType({ description: 'A document to take facts from: its full text, kept verbatim.' })
export class AddSourceInput {
  @Field({ description: 'e.g. `2020-02-06-huawei-verizon`.' })
  slug: string;

  @Field()
  title: string;

  @Field()
  publisher: string;

  @Field({ description: 'Publication date, as precise as known: `2020-02-06`, `2020-02`.' })
  publishedOn: string;

  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field({ description: 'The full text; citations quote it verbatim.' })
  text: string;
}
