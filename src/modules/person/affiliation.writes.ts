import { fuzzyDate, line, optional, quotes, slug } from '../../common/validation/rules';
import { factWrites } from '../../common/writes/declarations';
import { date } from '../../common/writes/fact-writer';
import { Affiliation } from './affiliation.entity';

export const affiliationWrites = factWrites({
  documentKey: 'affiliations',
  rules: { person: slug, organization: slug, role: line(200), since: optional(fuzzyDate), quotes },
  parties: (a, path) => [
    { path: `${path}.person`, slug: a.person, types: ['PERSON'] },
    { path: `${path}.organization`, slug: a.organization },
  ],
  write: async (a, writer, scope) => {
    const key = { personId: writer.party(a.person), organizationId: writer.party(a.organization), role: a.role };
    const row = await writer.upsert(Affiliation, key, { since: date(a.since) });
    await scope.cite(row, a.quotes);
    return row;
  },
});
