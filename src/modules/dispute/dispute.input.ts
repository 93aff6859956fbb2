import { Field, InputType } from 'type-graphql';
import { CitedInput } from '../source/citation.input';
import { DisputeKind, DisputeSideName, DisputeStatus } from './dispute.enums';

// Checked by the mutation runner with the rules of dispute.writes.ts (a document's `disputes[i]` by the same rules).

@InputType({ description: 'A party on one side of a dispute.' })
export class DisputeSideInput {
  @Field({ description: 'Slug of a stored company, person or authority.' })
  party: string;

  @Field(() => DisputeSideName)
  side: DisputeSideName;

  @Field(() => String, { nullable: true, description: 'What the side is, when the source says ("patent holder").' })
  label?: string | null;
}

@InputType({ description: 'A stored fact that is part of a dispute, by type and slug.' })
export class DisputeFactInput {
  @Field({ description: 'Lawsuit, LicensingNegotiation, Sanction, RegulatoryAction, Event or Statement.' })
  type: string;

  @Field()
  slug: string;
}

@InputType()
export class RecordDisputeInput extends CitedInput {
  @Field()
  slug: string;

  @Field()
  title: string;

  @Field(() => DisputeKind)
  kind: DisputeKind;

  @Field(() => DisputeStatus, { defaultValue: DisputeStatus.UNKNOWN, description: 'UNKNOWN unless the sources say.' })
  status: DisputeStatus = DisputeStatus.UNKNOWN;

  @Field(() => String, { nullable: true, description: 'When it began, as precise as the source (`2019`, `<=2019-12`).' })
  started?: string | null;

  @Field(() => [String], { nullable: true, description: 'What it is about, as the source lists it (for a patent dispute, the technologies at issue).' })
  technologies?: string[] | null;

  @Field(() => [DisputeSideInput], { description: 'At least one party on side A and one on side B.' })
  sides: DisputeSideInput[];

  @Field(() => [DisputeFactInput], { nullable: true, description: 'The stored facts it groups.' })
  facts?: DisputeFactInput[] | null;
}

@InputType()
export class UpdateDisputeStatusInput extends CitedInput {
  @Field({ description: 'Slug of the dispute.' })
  slug: string;

  @Field(() => DisputeStatus)
  status: DisputeStatus;
}
