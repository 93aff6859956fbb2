import { IsOptional, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { SLUG_PATTERN } from '../../common/validation/rules';
import { CaseStatus, LawsuitKind } from './lawsuit.enums';

@InputType({ description: 'All given conditions must hold.' })
export class LawsuitFilter {
  @Field(() => LawsuitKind, { nullable: true })
  kind?: LawsuitKind | null;

  @Field(() => CaseStatus, { nullable: true })
  status?: CaseStatus | null;

  @Field(() => String, { nullable: true, description: 'Slug of a party on either side.' })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: 'party must be a slug (lowercase letters, digits and hyphens)' })
  party?: string | null;
}
