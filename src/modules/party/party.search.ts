import type { SearchDeclaration } from '../../common/facts/fact-type';

/** SQL for the GraphQL type name of the party row `r`. */
export const partyTypeNameSql = (r: string) => `CASE ${r}.party_type WHEN 'COMPANY' THEN 'Company' WHEN 'PERSON' THEN 'Person' ELSE 'Authority' END`;

/** A party is found by its name, aliases and slug, and by its description. */
export const partySearch: SearchDeclaration = {
  table: 'party',
  code: 1,
  type: partyTypeNameSql,
  subjectId: (r) => `${r}.id`,
  name: (r, sql) => `${r}.name || ' ; ' || ${sql.jsonWords(`${r}.aliases`)} || ' ; ' || ${r}.slug`,
  body: (r) => `COALESCE(${r}.description, '')`,
  quote: () => `''`,
};
