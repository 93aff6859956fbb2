import { Field, InputType } from 'type-graphql';
import { CitedInput } from '../source/citation.input';
import { NegotiationStatus } from './negotiation-status.enum';

// The fields' rules are declared once, in negotiation.writes.ts: the mutation runner checks these inputs by them,
// and the document importer checks a source document's facts by the same rules.

@InputType()
export class RecordNegotiationInput extends CitedInput {
  @Field()
  slug: string;

  @Field({ description: 'What is being licensed.' })
  subject: string;

  @Field(() => NegotiationStatus)
  status: NegotiationStatus;

  @Field(() => String, { nullable: true })
  started?: string | null;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => [String], { description: 'Slugs of the parties, at least two.' })
  parties: string[];
}
