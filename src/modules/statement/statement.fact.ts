import type { FactType } from '../../common/facts/fact-type';
import { statementCues } from './statement.cues';
import { Statement } from './statement.entity';
import { statementWrites } from './statement.writes';

export const statementFact = {
  typeName: 'Statement',
  entity: Statement,
  table: 'statement',
  asserts: ['speaker', 'text', 'date'],
  participants: [{ role: 'SPEAKER', column: 'speaker_id' }],
  timeline: { date: 'date', kind: 'STATEMENT', title: (f) => `${f}.text` },
  search: { code: 7, name: () => `''`, body: (r) => `${r}.text`, quote: () => `''` },
  partyField: { name: 'statements', description: 'What it said.', load: (loaders, id) => loaders.manyBy(Statement, 'speakerId').load(id) },
  writes: statementWrites,
  cues: statementCues,
} satisfies FactType;
