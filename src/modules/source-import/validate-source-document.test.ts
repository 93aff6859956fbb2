import { readFileSync } from 'node:fs';
import path from 'node:path';
import { factTypes } from '../../facts';
import { documentFacts, validateSourceDocument } from './validate-source-document';

const seed = () => JSON.parse(readFileSync(path.resolve(__dirname, '../../../seeds/2020-02-06-huawei-verizon.json'), 'utf8'));

describe('the source-document validator, derived from the registry', () => {
  it('takes its keys and their order from src/facts.ts: every fact type is importable, regulatory actions before lawsuits', () => {
    expect(factTypes.every((fact) => fact.writes)).toBe(true);
    const keys = documentFacts.map((writes) => writes.documentKey);
    expect(keys).toEqual(factTypes.map((fact) => fact.writes!.documentKey));
    // What a fact refers to comes before it: a lawsuit challenges a regulatory action; a dispute groups any of them.
    expect(keys.indexOf('regulatoryActions')).toBeLessThan(keys.indexOf('lawsuits'));
    expect(keys.at(-1)).toBe('disputes');
    // The seed lists its keys in the same order.
    const listed = Object.keys(seed()).filter((key) => keys.includes(key));
    expect(listed).toEqual(keys.filter((key) => listed.includes(key)));
  });

  it('finds nothing wrong with the seed', () => {
    expect(validateSourceDocument(seed(), new Map())).toEqual([]);
  });

  it('lists every problem with its path, types included', () => {
    const doc = seed();
    doc.source.url = 'javascript:alert(1)';
    doc.parties[0].name = 'x'.repeat(201);
    doc.patentStats[0].count = 3_000_000_000;
    doc.rankings[0].entries[1].position = 'first';
    doc.sanctions[0].description = true;
    doc.lawsuits[1].challenges = 'no-such-action';
    doc.kinships[0].relative = 'huawei';
    expect(validateSourceDocument(doc, new Map())).toEqual([
      'source.url: must be an http(s) URL (got "javascript:alert(1)")',
      'parties[0].name: must be at most 200 characters (got 201)',
      'kinships[0].relative: "huawei" is a COMPANY, expected PERSON',
      'lawsuits[1].challenges: unknown regulatory action "no-such-action": list it under regulatoryActions',
      'sanctions[0].description: must be a string (got true)',
      'patentStats[0].count: must be between 0 and 10000000 (got 3000000000)',
      'rankings[0].entries[1].position: must be a whole number (got "first")',
    ]);
  });

  it('refuses what is not a document', () => {
    expect(validateSourceDocument([], new Map())).toEqual(['document: must be a JSON object']);
    expect(validateSourceDocument({ source: {}, lawsuits: {} }, new Map())).toEqual(
      expect.arrayContaining(['source.slug: is required (a slug)', 'lawsuits: must be a list']),
    );
  });
});
