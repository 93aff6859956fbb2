import { line, list, optional, prose, quotes, slug } from '../../common/validation/rules';
import { factWrites } from '../../common/writes/declarations';
import { Characterization } from './characterization.entity';

export const characterizationWrites = factWrites({
  documentKey: 'characterizations',
  rules: { party: slug, text: prose(2000), topics: optional(list(line(100), { max: 20 })), quotes },
  parties: (c, path) => [{ path: `${path}.party`, slug: c.party }],
  write: async (c, writer, scope) => {
    const row = await writer.upsert(Characterization, { partyId: writer.party(c.party), text: c.text }, { topics: c.topics ?? [] });
    await scope.cite(row, c.quotes);
    return row;
  },
});
