import { Field, InputType } from 'type-graphql';
import { AuthorityKind } from '../authority/authority-kind.enum';
import { CitedInput } from '../source/citation.input';

// The fields' rules are declared once, in party.writes.ts: the mutation runner checks these inputs by them,
// and the document importer checks a source document's facts by the same rules.

/** Fields a new party may have and an update may change, with the same rules. */
@InputType()
abstract class PartyDescriptionInput extends CitedInput {
  @Field(() => [String], { nullable: true })
  aliases?: string[] | null;

  @Field(() => String, { nullable: true })
  description?: string | null;
}

/** Fields every new party has. */
@InputType()
abstract class NewPartyInput extends PartyDescriptionInput {
  @Field({ description: 'Unique across companies, people and authorities.' })
  slug: string;

  @Field()
  name: string;
}

/** Fields an update may change; the ones left out stay as they are. */
@InputType()
abstract class PartyChangesInput extends PartyDescriptionInput {
  @Field({ description: 'Which party to change.' })
  slug: string;

  @Field(() => String, { nullable: true })
  name?: string | null;
}

@InputType()
export class CreateCompanyInput extends NewPartyInput {
  @Field(() => String, { nullable: true, description: 'City of its headquarters.' })
  headquarters?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code.' })
  country?: string | null;
}

@InputType()
export class UpdateCompanyInput extends PartyChangesInput {
  @Field(() => String, { nullable: true })
  headquarters?: string | null;

  @Field(() => String, { nullable: true })
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
  jurisdiction?: string | null;
}

@InputType()
export class UpdateAuthorityInput extends PartyChangesInput {
  @Field(() => AuthorityKind, { nullable: true })
  kind?: AuthorityKind | null;

  @Field(() => String, { nullable: true })
  jurisdiction?: string | null;
}
