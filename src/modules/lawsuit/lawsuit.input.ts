import { ArrayMaxSize, ArrayMinSize, IsNotEmpty, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IsFuzzyDate, IsSlug } from '../../common/validation';
import { CitedInput } from '../source/citation.input';
import { CaseStatus, LawsuitKind, PartyRole } from './lawsuit.enums';

@InputType({ description: 'A party to a case and its side.' })
export class LawsuitPartyInput {
  @Field({ description: 'Slug of a stored company, person or authority.' })
  @IsSlug()
  party: string;

  @Field(() => PartyRole)
  role: PartyRole;
}

@InputType()
export class FileLawsuitInput extends CitedInput {
  @Field()
  @IsSlug()
  slug: string;

  @Field()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(300)
  title: string;

  @Field(() => LawsuitKind)
  kind: LawsuitKind;

  @Field(() => CaseStatus, { defaultValue: CaseStatus.FILED })
  status: CaseStatus = CaseStatus.FILED;

  @Field(() => String, { nullable: true, description: 'As precise as the source: `2019-12`, `2020-02~` (approximately), `<2019-02~`.' })
  @IsOptional()
  @IsFuzzyDate()
  filed?: string | null;

  @Field(() => String, { nullable: true, description: 'Court or forum.' })
  @IsOptional()
  @IsNotEmpty({ message: 'venue must not be empty when given' })
  @MaxLength(300)
  venue?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  summary?: string | null;

  @Field(() => [LawsuitPartyInput], { description: 'At least one PLAINTIFF and one DEFENDANT.' })
  @ArrayMinSize(2, { message: 'parties must list at least one PLAINTIFF and one DEFENDANT' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  parties: LawsuitPartyInput[];

  @Field(() => [String], { nullable: true, description: 'Subject matter at issue (for patent suits, the technologies).' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsNotEmpty({ each: true, message: 'technologies must not contain empty entries' })
  @MaxLength(300, { each: true })
  technologies?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Slug of the regulatory action the case challenges.' })
  @IsOptional()
  @IsSlug()
  challenges?: string | null;
}

@InputType()
export class UpdateLawsuitStatusInput extends CitedInput {
  @Field({ description: 'Slug of the case.' })
  @IsSlug()
  slug: string;

  @Field(() => CaseStatus)
  status: CaseStatus;
}
