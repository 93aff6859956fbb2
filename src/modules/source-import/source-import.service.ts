import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { EventLoopSlices } from '../../common/event-loop-slices';
import { encodeGlobalId } from '../../common/node/global-id';
import { runSql } from '../../common/sql';
import { formerSlugsIn, mergedPartySlugsIn } from '../../common/identity/former-slugs';
import { recordFormerSlugs, renameFromFormerSlugs } from '../../common/identity/former-slug-documents';
import type { PartyEntity } from '../party/party.entity';
import type { CitedRow, DocumentScope, PartyKind, WriteDeclaration } from '../../common/writes/declarations';
import type { FactWriter } from '../../common/writes/fact-writer';
import { commandTarget, runMutation, runWrite } from '../mutation/mutation-runner';
import { invalidDocument } from '../../common/writes/write-checks';
import { assertsOf, factEntityOf } from '../../facts';
import type { RequestContext } from '../../context';
import type { Actor } from '../audit/audit-log';
import { deriveDisputeStatuses } from '../dispute/dispute-status';
import { writeParty } from '../party/party.writes';
import { Source } from '../../common/citation/source.entity';
import { writeSource } from '../source/source.writes';
import type { SourceDocument } from './source-document';
import { documentFactTypes, documentProblems, referencedPartySlugs } from './validate-source-document';
import { saysWhoOfDocument, writeAttribution, writeProvenance } from '../attribution/attribution.writes';

export interface ImportReport {
  source: string;
  status: 'created' | 'updated' | 'unchanged';
  /** Rows inserted or changed, by table. */
  written: Record<string, number>;
}

export interface ImportOptions {
  /** Rewrite even when the document is unchanged (still changes nothing). */
  force?: boolean;
  /** Who is importing: when given, a write that changed anything is appended to the audit log. */
  actor?: Actor & { action: string };
}

const partyNodeType: Record<PartyKind, string> = { COMPANY: 'Company', PERSON: 'Person', AUTHORITY: 'Authority' };

type Imported = ImportReport & { sourceId: number | null };
type StoredParty = { id: number; slug: string; party_type: PartyKind; merged?: boolean };

/**
 * A whole source document as one write for the mutation runner: validated completely (every
 * fact by its own declaration, see validate-source-document.ts), then written fact type by fact
 * type in the registry's order, every fact matched by its natural key, so writing the same
 * document again changes nothing. An unchanged document (same content hash) is skipped.
 */
export function importDocument(action: string, force = false): WriteDeclaration<SourceDocument, Imported, StoredParty[]> {
  return {
    action,
    rules: null,
    check: async (doc, checks) => {
      // Only the parties this document names are looked up, so imports stay cheap on a large store.
      const slugs = referencedPartySlugs(doc);
      const rows = slugs.length ? await runSql<StoredParty>(checks.manager, 'SELECT id, slug, party_type FROM party WHERE slug IN (:...slugs)', { slugs }) : [];
      // A former slug (a renamed or merged-away party) names the party it now is.
      const found = new Set(rows.map((row) => row.slug));
      const former = await formerSlugsIn(
        checks.manager,
        'party',
        slugs.filter((slug) => !found.has(slug)),
      );
      if (former.size) {
        const ids = [...new Set(former.values())];
        const current = await runSql<StoredParty>(checks.manager, 'SELECT id, slug, party_type FROM party WHERE id IN (:...ids)', { ids });
        for (const [slug, id] of former) {
          const row = current.find((c) => Number(c.id) === id);
          if (row) rows.push({ ...row, slug, merged: true });
        }
      }
      // The look-up, the validation and the write each start on a turn of the event loop of their own.
      await new EventLoopSlices().turn();
      const problems = documentProblems(doc, new Map(rows.map((p) => [p.slug, p.party_type])));
      if (problems.length) throw invalidDocument(problems);
      return rows;
    },
    write: async (doc, writer, stored) => {
      for (const party of stored) writer.partyIds.set(party.slug, Number(party.id));
      const merged = await mergedPartySlugsIn(
        writer.manager,
        stored.filter((party) => party.merged).map((party) => party.slug),
      );
      return writeDocument(doc, writer, force, new Map(stored.filter((p) => merged.has(p.slug)).map((p) => [p.slug, p])));
    },
    audit: (result) => (result.sourceId !== null && result.status !== 'unchanged' ? { subject: encodeGlobalId('Source', result.sourceId) } : null),
  };
}

/**
 * `mergedAway`: parties the document defines under the slug of a party since merged into another:
 * the survivor is cited, but its fields are not rewritten with the absorbed party's (its names are
 * already the survivor's aliases).
 */
async function writeDocument(doc: SourceDocument, writer: FactWriter, force: boolean, mergedAway: ReadonlyMap<string, StoredParty>): Promise<Imported> {
  // One transaction, but the event loop gets a turn every few milliseconds (other requests, /healthz, the deadline).
  const slices = new EventLoopSlices();
  await slices.turn();
  const contentHash = createHash('sha256').update(JSON.stringify(doc)).digest('hex');
  const existing = await writer.manager.getRepository(Source).findOneBy({ slug: doc.source.slug });
  if (existing && existing.contentHash === contentHash && !force) return { source: existing.slug, status: 'unchanged', written: {}, sourceId: existing.id };
  const source = await writeSource(writer, doc.source, contentHash);
  const ids = new Map<string, Map<string, number>>();
  const owners = quoteOwners(doc);
  const scope: DocumentScope = {
    // Every item's write cites its own `quotes` list: that list says which item (and so which
    // attribution, hedges and provenance) the row being cited stands for.
    cite: async (row: CitedRow, quotes: string[]) => {
      await writer.cite(row, source, quotes);
      const owner = owners.get(quotes);
      if (!owner) return;
      const saysWho = saysWhoOfDocument(owner.item);
      await writeAttribution(writer, row, saysWho);
      // The document restates all of the fact: its source's statements, added or confirmed.
      const entries = saysWho.provenance.map((entry) => ({ entry, quotes: entry.quotes.map((quote) => ({ source, quote })) }));
      const problems = await writeProvenance(writer, row, entries, {
        given: owner.item,
        asserts: assertsOf(row.nodeType) ?? [],
        path: owner.path,
        replaceSource: source.id,
        entity: factEntityOf(row.nodeType),
        cited: [source],
      });
      if (problems.length) throw invalidDocument(problems);
    },
    idOf: (key, slug) => ids.get(key)?.get(slug),
    slugsOf: (key) => new Set(ids.get(key)?.keys()),
  };
  // An item may list the slugs it had before (`formerSlugs`): a stored row under one of them is renamed, and each keeps resolving.
  const reason = `former slug listed by source document "${doc.source.slug}"`;
  const formerSlugs = async (table: string, item: { slug?: string; formerSlugs?: string[] }, path: string, write: () => Promise<{ id: number }>) => {
    const formers = item.slug && Array.isArray(item.formerSlugs) ? item.formerSlugs : [];
    const renamed = formers.length ? await renameFromFormerSlugs(writer, table, item.slug!, formers) : null;
    if (renamed) throw invalidDocument([{ path: `${path}.formerSlugs`, message: renamed }]);
    const row = await write();
    const recorded = formers.length ? await recordFormerSlugs(writer, table, row.id, formers, reason) : null;
    if (recorded) throw invalidDocument([{ path: `${path}.formerSlugs`, message: recorded }]);
    return row;
  };
  for (const [i, party] of (doc.parties ?? []).entries()) {
    const survivor = mergedAway.get(party.slug);
    if (survivor) {
      await writer.cite({ nodeType: partyNodeType[survivor.party_type], id: Number(survivor.id) }, source, party.quotes);
      continue;
    }
    const row = await formerSlugs('party', party, `parties[${i}]`, () => writeParty(writer, party));
    await scope.cite(row as PartyEntity, party.quotes);
    await slices.pause();
  }
  for (const fact of documentFactTypes) {
    const writes = fact.writes!;
    const written = new Map<string, number>();
    ids.set(writes.documentKey, written);
    for (const [i, item] of (((doc as unknown as Record<string, unknown[]>)[writes.documentKey] ?? []) as { slug?: string }[]).entries()) {
      const row = await formerSlugs(fact.table, item, `${writes.documentKey}[${i}]`, () => writes.write(item, writer, scope));
      if (writes.slugged && item.slug) written.set(item.slug, row.id);
      await slices.pause();
    }
  }
  await deriveDisputeStatuses(writer);
  // The audit entry (every row written, as JSON) is long by itself.
  await slices.turn();
  const changed = Object.values(writer.written).some((n) => n > 0);
  return { source: source.slug, status: !existing ? 'created' : changed ? 'updated' : 'unchanged', written: writer.written, sourceId: source.id };
}

/** Each `quotes` list of the document (by identity), the item that holds it and its path: parties, facts and nested items (ranking entries). */
function quoteOwners(doc: SourceDocument): Map<unknown, { item: Record<string, unknown>; path: string }> {
  const owners = new Map<unknown, { item: Record<string, unknown>; path: string }>();
  const own = (item: unknown, path: string, nestedKeys: string[] = []) => {
    if (typeof item !== 'object' || item === null) return;
    const record = item as Record<string, unknown>;
    if (Array.isArray(record.quotes)) owners.set(record.quotes, { item: record, path });
    for (const key of nestedKeys) if (Array.isArray(record[key])) (record[key] as unknown[]).forEach((nested, i) => own(nested, `${path}.${key}[${i}]`));
  };
  const lists = doc as unknown as Record<string, unknown[] | undefined>;
  (doc.parties ?? []).forEach((party, i) => own(party, `parties[${i}]`));
  for (const fact of documentFactTypes) {
    const key = fact.writes!.documentKey;
    (lists[key] ?? []).forEach((item, i) => own(item, `${key}[${i}]`, Object.keys(fact.nestedAsserts ?? {})));
  }
  return owners;
}

const report = ({ sourceId: _id, ...rest }: Imported): ImportReport => rest;

/**
 * Loads source documents outside a request (`npm run import`, the seeds), each in a transaction
 * of its own, through the same runner as the mutations: invalid documents write nothing.
 */
export class SourceImportService {
  constructor(private readonly dataSource: DataSource) {}

  async import(doc: SourceDocument, { force = false, actor }: ImportOptions = {}): Promise<ImportReport> {
    const target = commandTarget(this.dataSource, actor ?? null);
    return report(await runWrite(target, importDocument(actor?.action ?? 'import', force), doc));
  }
}

/** The `importSource` mutation: the same write, in the request's transaction, as the caller's key. */
export async function importSource(ctx: RequestContext, doc: Record<string, unknown>) {
  const { written, ...rest } = report(await runMutation(ctx, importDocument('importSource'), doc as unknown as SourceDocument));
  return { ...rest, written: Object.entries(written).map(([table, rows]) => ({ table, rows })) };
}
