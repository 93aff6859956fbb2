import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { check, object } from '../../common/validation/rules';
import { saysWhoInputRules } from '../attribution/attribution.writes';
import { cueSets } from './cue-registry';
import { draftReport } from './draft';
import type { StoredFact } from './items';
import { type KnownParty, PartyIndex } from './party-linking';
import { documentProblems } from '../source-import/validate-source-document';

/**
 * Every item a draft proposes passes the write rules it will be accepted under: a NEW item, in
 * the draft's source document, the importer's rules (the same as importSource: fields, parties
 * stored or listed, quotes verbatim, who says so, provenance); an UPDATE, its status update's
 * rules. A table over every report of the evaluation, on an empty store and with the seed loaded.
 */
const root = path.resolve(__dirname, '../../..');
const seed = JSON.parse(readFileSync(path.join(root, 'seeds/2020-02-06-huawei-verizon.json'), 'utf8'));
const SEED_PARTIES: KnownParty[] = seed.parties.map((p: any) => ({ slug: p.slug, name: p.name, aliases: p.aliases ?? [], kind: p.type }));
const SEED_STORED: StoredFact[] = seed.lawsuits.map((l: any) => ({
  typeName: 'Lawsuit',
  slug: l.slug,
  status: l.status,
  subject: l.kind,
  roles: { PLAINTIFF: l.plaintiffs, DEFENDANT: l.defendants },
}));
// The tuning set and the held-out set of the evaluation.
const DIRS = [path.join(root, 'bench/draft-eval'), path.join(root, 'bench/draft-eval/held-out')];
const REPORTS: [string, string, string][] = [
  ['seed report', seed.source.text, '2020-02-06'],
  ...DIRS.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.gold.json'))
      .map((f): [string, string, string] => {
        const gold = JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
        return [f.replace('.gold.json', ''), readFileSync(path.join(dir, f.replace('.gold.json', '.txt')), 'utf8'), gold.source.publishedOn];
      }),
  ),
];

describe.each([
  ['an empty store', [] as KnownParty[], [] as StoredFact[]],
  ['the seed loaded', SEED_PARTIES, SEED_STORED],
])('drafts on %s', (_store, parties, stored) => {
  it.each(REPORTS)('%s: every item passes the rules it is accepted under', (_name, text, published) => {
    const source = { slug: 'report-under-review', title: 'A report', publisher: 'Test Wire', publishedOn: published, url: null, text };
    const content = draftReport(source, { index: new PartyIndex(parties), cueSets, stored });
    const kinds = new Map(parties.map((p) => [p.slug, p.kind]));
    expect(documentProblems(content.document, kinds)).toEqual([]);
    for (const item of content.items.filter((i) => i.kind === 'UPDATE')) {
      const declaration = cueSets.find((set) => set.typeName === item.typeName)!.cues.statusUpdate!;
      expect(check(object({ ...declaration.rules!, ...saysWhoInputRules }), item.entry)).toEqual([]);
      for (const citation of item.entry.citations as { quote: string }[]) expect(text).toContain(citation.quote);
    }
  });
});
