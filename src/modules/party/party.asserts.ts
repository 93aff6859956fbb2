/** The fields of each kind of party that assert something (as FactType.asserts for facts). */
export const partyAsserts: Readonly<Record<string, readonly string[]>> = {
  COMPANY: ['aliases', 'description', 'headquarters', 'country'],
  PERSON: ['aliases', 'description'],
  AUTHORITY: ['aliases', 'kind', 'jurisdiction', 'description'],
};
