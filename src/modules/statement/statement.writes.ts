import { fuzzyDate, optional, pathOf, prose, slug, described } from '../../common/validation/rules';
import { sluggedFact } from '../../common/writes/cited-fact';
import { date } from '../../common/writes/fact-writer';
import { Statement } from './statement.entity';

/** A statement's fields: a document's `statements[i]` and `recordStatement`'s input. */
export const statementFields = {
  slug,
  speaker: described(slug, 'Slug of the party who said it.'),
  text: described(prose(5000), 'What was said, in the report’s words.'),
  date: optional(fuzzyDate),
};

const statement = sluggedFact({
  documentKey: 'statements',
  action: 'recordStatement',
  entity: Statement,
  what: 'statement',
  fields: statementFields,
  parties: (s, path) => [{ path: pathOf(path, 'speaker'), slug: s.speaker }],
  write: (writer, s) => writer.upsert(Statement, { slug: s.slug }, { speakerId: writer.party(s.speaker), text: s.text, date: date(s.date) }),
});

export const statementWrites = statement.document;
export const recordStatement = statement.mutation;
