import { Field, InputType } from 'type-graphql';
import { CitedInput } from '../source/citation.input';
import { CaseStatus, LawsuitKind, PartyRole } from './lawsuit.enums';

// The fields' rules are declared once, in lawsuit.writes.ts: the mutation runner checks these inputs by them,
// and the document importer checks a source document's facts by the same rules.

@InputType({ description: 'A party to a case and its side.' })
export class LawsuitPartyInput {
  @Field({ description: 'Slug of a stored company, person or authority.' })
  party: string;

  @Field(() => PartyRole)
  role: PartyRole;
}

@InputType()
export class FileLawsuitInput extends CitedInput {
  @Field()
  slug: string;

  @Field()
  title: string;

  @Field(() => LawsuitKind)
  kind: LawsuitKind;

  @Field(() => CaseStatus, { defaultValue: CaseStatus.FILED })
  status: CaseStatus = CaseStatus.FILED;

  @Field(() => String, { nullable: true, description: 'As precise as the source: `2019-12`, `2020-02~` (approximately), `<2019-02~`.' })
  filed?: string | null;

  @Field(() => String, { nullable: true, description: 'Court or forum.' })
  venue?: string | null;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => [LawsuitPartyInput], { description: 'At least one PLAINTIFF and one DEFENDANT.' })
  parties: LawsuitPartyInput[];

  @Field(() => [String], { nullable: true, description: 'Subject matter at issue (for patent suits, the technologies).' })
  technologies?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Slug of the regulatory action the case challenges.' })
  challenges?: string | null;
}

@InputType()
export class UpdateLawsuitStatusInput extends CitedInput {
  @Field({ description: 'Slug of the case.' })
  slug: string;

  @Field(() => CaseStatus)
  status: CaseStatus;
}
