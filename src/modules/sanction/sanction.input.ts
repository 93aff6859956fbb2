import { Field, InputType } from 'type-graphql';
import { CitedInput } from '../source/citation.input';
import { SanctionStatus } from './sanction-status.enum';

// The fields' rules are declared once, in sanction.writes.ts: the mutation runner checks these inputs by them,
// and the document importer checks a source document's facts by the same rules.

@InputType()
export class RecordSanctionInput extends CitedInput {
  @Field()
  slug: string;

  @Field({ description: 'Slug of the party sanctioned.' })
  target: string;

  @Field({ description: 'Slug of the authority imposing it.' })
  authority: string;

  @Field()
  description: string;

  @Field(() => String, { nullable: true })
  imposed?: string | null;

  @Field(() => SanctionStatus)
  status: SanctionStatus;
}
