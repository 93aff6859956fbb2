import {
  citations,
  country,
  custom,
  line,
  list,
  nameLine,
  notNullWhenGiven,
  oneOf,
  optional,
  prose,
  quotes,
  slug,
  type DocOf,
  type Shape,
} from '../../common/validation/rules';
import type { WriteDeclaration } from '../../common/writes/declarations';
import type { FactWriter } from '../../common/writes/fact-writer';
import { partyLabel } from '../../common/writes/write-checks';
import { Authority } from '../authority/authority.entity';
import { AuthorityKind } from '../authority/authority-kind.enum';
import { Company } from '../company/company.entity';
import { Person } from '../person/person.entity';
import type { CreateAuthorityInput, CreateCompanyInput, CreatePersonInput, UpdateAuthorityInput, UpdateCompanyInput, UpdatePersonInput } from './party.input';
import { PartyType, type PartyEntity } from './party.entity';

export const partyClasses = { COMPANY: Company, PERSON: Person, AUTHORITY: Authority } as const;

/** The fields every party has, and those of companies and authorities: one set of rules for mutations and documents. */
const described = { aliases: optional(list(nameLine(200), { max: 20 })), description: optional(prose(2000)) };
const named = { slug, name: nameLine(200), ...described };
const companyFields = { headquarters: optional(line(200)), country: optional(country) };
const authorityFields = { kind: oneOf(AuthorityKind), jurisdiction: optional(country) };
const typeFields: Record<PartyType, Shape> = { COMPANY: companyFields, PERSON: {}, AUTHORITY: authorityFields };

/** A party of a source document: `parties[i]`. */
export const partyDocumentRules = {
  type: oneOf(PartyType),
  ...named,
  ...companyFields,
  jurisdiction: optional(country),
  quotes,
};
/** A party of a source document (its `kind` checked by partyDocumentKind). */
export type PartyDoc = DocOf<typeof partyDocumentRules> & { kind?: string };

/** An authority of a document must say what kind it is. */
export const partyDocumentKind = (party: PartyDoc) => (party.type === 'AUTHORITY' ? oneOf(AuthorityKind) : custom(() => null));

/** Stores a party by slug (inserting it, or updating the fields that differ). */
export async function writeParty(writer: FactWriter, party: Omit<PartyDoc, 'quotes'>): Promise<PartyEntity> {
  const values: Record<string, unknown> = { name: party.name, aliases: party.aliases ?? [], description: party.description ?? null };
  if (party.type === 'COMPANY') Object.assign(values, { headquarters: party.headquarters ?? null, country: party.country ?? null });
  if (party.type === 'AUTHORITY') Object.assign(values, { kind: party.kind as AuthorityKind, jurisdiction: party.jurisdiction ?? null });
  const row = await writer.upsert<PartyEntity>(partyClasses[party.type], { slug: party.slug }, values);
  writer.partyIds.set(party.slug, row.id);
  return row;
}

const actionName = (verb: string, type: PartyType) => `${verb}${type[0]}${type.slice(1).toLowerCase()}`;

type NewParty = CreateCompanyInput | CreatePersonInput | CreateAuthorityInput;
type PartyChanges = UpdateCompanyInput | UpdatePersonInput | UpdateAuthorityInput;

/** createCompany, createPerson, createAuthority. */
export function createParty(type: PartyType): WriteDeclaration<NewParty, PartyEntity> {
  return {
    action: actionName('create', type),
    rules: { ...named, ...typeFields[type], citations },
    check: (input, checks) => checks.unusedPartySlug('slug', input.slug),
    write: (input, writer) => writeParty(writer, { type, ...(input as CreateCompanyInput & CreateAuthorityInput), aliases: input.aliases ?? [] }),
    cited: (row) => row,
  };
}

/** updateCompany, updatePerson, updateAuthority: only the fields given change; `aliases: null` clears the list. */
export function updateParty(type: PartyType): WriteDeclaration<PartyChanges, PartyEntity, PartyEntity | null> {
  const fields: Shape = { ...described, ...typeFields[type] };
  if (type === PartyType.AUTHORITY) fields.kind = notNullWhenGiven(oneOf(AuthorityKind));
  return {
    action: actionName('update', type),
    rules: { slug, name: notNullWhenGiven(nameLine(200)), ...fields, citations },
    check: (input, checks) => checks.existing<PartyEntity>(partyClasses[type] as never, 'slug', input.slug, partyLabel[type]),
    write: async (input, writer, existing) => {
      const { slug: key, citations: _citations, ...given } = input as UpdateCompanyInput & UpdateAuthorityInput;
      const changes = Object.fromEntries(
        Object.entries(given)
          .filter(([, value]) => value !== undefined)
          .map(([k, value]) => [k, k === 'aliases' ? (value ?? []) : value]),
      );
      if (changes.kind === null) delete changes.kind;
      return (await writer.upsert<PartyEntity>(partyClasses[type], { slug: key }, changes as Partial<PartyEntity>)) ?? existing!;
    },
    cited: (row) => row,
  };
}

export const createCompany = createParty(PartyType.COMPANY);
export const updateCompany = updateParty(PartyType.COMPANY);
export const createPerson = createParty(PartyType.PERSON);
export const updatePerson = updateParty(PartyType.PERSON);
export const createAuthority = createParty(PartyType.AUTHORITY);
export const updateAuthority = updateParty(PartyType.AUTHORITY);
