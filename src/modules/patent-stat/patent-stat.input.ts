import { Field, InputType, Int } from 'type-graphql';
import { CitedInput } from '../source/citation.input';
import { CountQualifier, PatentScope } from './patent-stat.enums';

// The fields' rules are declared once, in patent-stat.writes.ts: the mutation runner checks these inputs by them,
// and the document importer checks a source document's facts by the same rules.

@InputType()
export class RecordPatentStatInput extends CitedInput {
  @Field({ description: 'Slug of the party holding the patents.' })
  holder: string;

  @Field(() => PatentScope)
  scope: PatentScope;

  @Field(() => Int, { description: 'How many patents (0 to 10,000,000).' })
  count: number;

  @Field(() => CountQualifier, { nullable: true })
  qualifier?: CountQualifier | null;

  @Field(() => String, { nullable: true, description: 'When the count held, as precise as the source.' })
  asOf?: string | null;
}
