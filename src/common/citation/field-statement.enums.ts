import { registerEnumType } from 'type-graphql';

/** How a statement counts when the current value of its field is chosen (as Wikidata ranks values). */
export enum StatementRank {
  PREFERRED = 'PREFERRED',
  NORMAL = 'NORMAL',
  DEPRECATED = 'DEPRECATED',
}
registerEnumType(StatementRank, {
  name: 'StatementRank',
  description: 'How a statement counts when the current value of its field is chosen.',
  valuesConfig: {
    PREFERRED: { description: 'Chosen over every other statement of the field, whatever their dates.' },
    NORMAL: { description: 'Current while it is the latest-published statement of its field.' },
    DEPRECATED: { description: 'Once taken as right, now not (its source was re-read or corrected): kept as history, never current.' },
  },
});
