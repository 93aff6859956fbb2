import { Field, InputType } from 'type-graphql';
import { CitedInput } from '../source/citation.input';

// The fields' rules are declared once, in regulatory-action.writes.ts: the mutation runner checks these inputs by them,
// and the document importer checks a source document's facts by the same rules.

@InputType()
export class RecordRegulatoryActionInput extends CitedInput {
  @Field()
  slug: string;

  @Field({ description: 'Slug of the authority acting.' })
  authority: string;

  @Field(() => String, { nullable: true, description: 'Slug of the party it is aimed at.' })
  subject?: string | null;

  @Field()
  description: string;

  @Field(() => String, { nullable: true })
  date?: string | null;
}
