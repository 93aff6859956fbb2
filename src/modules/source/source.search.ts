import type { SearchDeclaration } from '../../common/facts/fact-type';

export const sourceSearch: SearchDeclaration = {
  table: 'source',
  code: 11,
  type: () => `'Source'`,
  subjectId: (r) => `${r}.id`,
  name: (r) => `${r}.title`,
  body: (r) => `COALESCE(${r}.publisher, '')`,
  quote: () => `''`,
};

/** A quote is found as the fact it cites. */
export const citationSearch: SearchDeclaration = {
  table: 'citation',
  code: 15,
  type: (r) => `${r}.subject_type`,
  subjectId: (r) => `${r}.subject_id`,
  name: () => `''`,
  body: () => `''`,
  quote: (r) => `${r}.quote`,
};
