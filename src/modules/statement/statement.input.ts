import { Field, InputType } from 'type-graphql';
import { CitedInput } from '../source/citation.input';

// The fields' rules are declared once, in statement.writes.ts: the mutation runner checks these inputs by them,
// and the document importer checks a source document's facts by the same rules.

@InputType()
export class RecordStatementInput extends CitedInput {
  @Field()
  slug: string;

  @Field({ description: 'Slug of the party who said it.' })
  speaker: string;

  @Field({ description: 'What was said, in the report’s words.' })
  text: string;

  @Field(() => String, { nullable: true })
  date?: string | null;
}
