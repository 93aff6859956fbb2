import { Field, InputType } from 'type-graphql';
import { CitedInput } from '../source/citation.input';

// The fields' rules are declared once, in event.writes.ts: the mutation runner checks these inputs by them,
// and the document importer checks a source document's facts by the same rules.

@InputType()
export class RecordEventInput extends CitedInput {
  @Field()
  slug: string;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  date?: string | null;

  @Field(() => String, { nullable: true })
  location?: string | null;

  @Field(() => [String], { description: 'Slugs of the parties that took part, at least one.' })
  participants: string[];
}
