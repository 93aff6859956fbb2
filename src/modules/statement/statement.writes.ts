import { fuzzyDate, optional, pathOf, prose, slug } from '../../common/validation/rules';
import { sluggedFact } from '../../common/writes/cited-fact';
import { date } from '../../common/writes/fact-writer';
import { Statement } from './statement.entity';

const statement = sluggedFact({
  documentKey: 'statements',
  action: 'recordStatement',
  entity: Statement,
  what: 'statement',
  fields: { slug, speaker: slug, text: prose(5000), date: optional(fuzzyDate) },
  parties: (s, path) => [{ path: pathOf(path, 'speaker'), slug: s.speaker }],
  write: (writer, s) => writer.upsert(Statement, { slug: s.slug }, { speakerId: writer.party(s.speaker), text: s.text, date: date(s.date) }),
});

export const statementWrites = statement.document;
export const recordStatement = statement.mutation;
