import { line, quotes, slug } from '../../common/validation/rules';
import { factWrites } from '../../common/writes/declarations';
import { KinshipRecord } from './kinship.entity';

export const kinshipWrites = factWrites({
  documentKey: 'kinships',
  rules: { person: slug, relative: slug, relation: line(100), inverseRelation: line(100), quotes },
  parties: (k, path) => [
    { path: `${path}.person`, slug: k.person, types: ['PERSON'] },
    { path: `${path}.relative`, slug: k.relative, types: ['PERSON'] },
  ],
  write: async (k, writer, scope) => {
    const key = { personId: writer.party(k.person), relativeId: writer.party(k.relative) };
    const row = await writer.upsert(KinshipRecord, key, { relation: k.relation, inverseRelation: k.inverseRelation });
    await scope.cite({ nodeType: 'Kinship', id: row.id }, k.quotes);
    return row;
  },
});
