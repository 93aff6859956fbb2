import { ArrayMaxSize, IsNotEmpty, IsOptional, Matches, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IsSlug, NotNullWhenGiven } from '../../common/validation';
import { AuthorityKind } from '../authority/authority-kind.enum';
import { CitedInput } from '../source/citation.input';

/** Fields a new party may have and an update may change, with the same rules. */
@InputType()
abstract class PartyDescriptionInput extends CitedInput {
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsNotEmpty({ each: true, message: 'aliases must not contain empty names' })
  @MaxLength(200, { each: true })
  aliases?: string[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  description?: string | null;
}

/** Fields every new party has. */
@InputType()
abstract class NewPartyInput extends PartyDescriptionInput {
  @Field({ description: 'Unique across companies, people and authorities.' })
  @IsSlug()
  slug: string;

  @Field()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name: string;
}

/** Fields an update may change; the ones left out stay as they are. */
@InputType()
abstract class PartyChangesInput extends PartyDescriptionInput {
  @Field({ description: 'Which party to change.' })
  @IsSlug()
  slug: string;

  @Field(() => String, { nullable: true })
  @NotNullWhenGiven()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name?: string | null;
}

const COUNTRY = /^[A-Z]{2}$/;
const COUNTRY_MESSAGE = 'must be an ISO 3166-1 alpha-2 code such as "CN"';

@InputType()
export class CreateCompanyInput extends NewPartyInput {
  @Field(() => String, { nullable: true, description: 'City of its headquarters.' })
  @IsOptional()
  @MaxLength(200)
  headquarters?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code.' })
  @IsOptional()
  @Matches(COUNTRY, { message: `country ${COUNTRY_MESSAGE}` })
  country?: string | null;
}

@InputType()
export class UpdateCompanyInput extends PartyChangesInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  headquarters?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(COUNTRY, { message: `country ${COUNTRY_MESSAGE}` })
  country?: string | null;
}

@InputType()
export class CreatePersonInput extends NewPartyInput {}

@InputType()
export class UpdatePersonInput extends PartyChangesInput {}

@InputType()
export class CreateAuthorityInput extends NewPartyInput {
  @Field(() => AuthorityKind)
  kind: AuthorityKind;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code of the country it acts for.' })
  @IsOptional()
  @Matches(COUNTRY, { message: `jurisdiction ${COUNTRY_MESSAGE}` })
  jurisdiction?: string | null;
}

@InputType()
export class UpdateAuthorityInput extends PartyChangesInput {
  @Field(() => AuthorityKind, { nullable: true })
  @NotNullWhenGiven()
  kind?: AuthorityKind | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(COUNTRY, { message: `jurisdiction ${COUNTRY_MESSAGE}` })
  jurisdiction?: string | null;
}
