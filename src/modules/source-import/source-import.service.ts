import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { BadUserInputError } from '../../common/errors';
import { encodeGlobalId } from '../../common/node/global-id';
import { appendAudit, type Actor } from '../audit/audit.service';
import { Characterization } from '../party/characterization.entity';
import type { PartyType } from '../party/party.entity';
import { runSql, takeWriteLock } from '../../common/sql';
import { PatentStat } from '../patent-stat/patent-stat.entity';
import type { CountQualifier, PatentScope } from '../patent-stat/patent-stat.enums';
import { Affiliation } from '../person/affiliation.entity';
import { KinshipRecord } from '../person/kinship.entity';
import { RankingEntry } from '../ranking/ranking-entry.entity';
import { Ranking } from '../ranking/ranking.entity';
import { Source } from '../source/source.entity';
import { date, FactWriter } from './fact-writer';
import type { SourceDocument } from './source-document';
import { referencedPartySlugs, validateSourceDocument } from './validate-source-document';

export interface ImportReport {
  source: string;
  status: 'created' | 'updated' | 'unchanged';
  /** Rows inserted or changed, by table. */
  written: Record<string, number>;
}

/**
 * Writes a source document in one transaction: invalid documents write nothing, and writing
 * the same document again changes nothing (every fact is matched by its natural key).
 */
export class SourceImportService {
  constructor(private readonly dataSource: DataSource) {}

  async import(doc: SourceDocument, options: ImportOptions = {}): Promise<ImportReport> {
    return this.dataSource.transaction(async (manager) => {
      await takeWriteLock(manager);
      return this.importIn(manager, doc, options);
    });
  }

  /** The same, inside a transaction the caller holds (the `importSource` mutation's). */
  async importIn(manager: EntityManager, doc: SourceDocument, { force = false, actor }: ImportOptions = {}): Promise<ImportReport> {
    const writer = new DocumentWriter(manager, doc);
    const report = await writer.write(force);
    if (actor && writer.facts.changes.length > 0) {
      await appendAudit(manager, actor, { action: actor.action, subject: encodeGlobalId('Source', writer.sourceId), changes: writer.facts.changes });
    }
    return report;
  }
}

export interface ImportOptions {
  /** Rewrite even when the document is unchanged (still changes nothing). */
  force?: boolean;
  /** Who is importing: when given, a write that changed anything is appended to the audit log. */
  actor?: Actor & { action: string };
}

class DocumentWriter {
  readonly facts: FactWriter;
  private source!: Source;

  constructor(
    manager: EntityManager,
    private readonly doc: SourceDocument,
  ) {
    this.facts = new FactWriter(manager);
  }

  get sourceId(): number {
    return this.source.id;
  }

  async write(force: boolean): Promise<ImportReport> {
    const manager = this.facts.manager;
    // Only the parties this document names are looked up, so imports stay cheap on a large store.
    const slugs = referencedPartySlugs(this.doc);
    const stored = slugs.length
      ? await runSql<{ id: number; slug: string; party_type: PartyType }>(manager, 'SELECT id, slug, party_type FROM party WHERE slug IN (:...slugs)', { slugs })
      : [];
    const problems = validateSourceDocument(this.doc, new Map(stored.map((p) => [p.slug, p.party_type])));
    if (problems.length > 0) {
      throw new BadUserInputError(`The source document is invalid: ${problems.join('; ')}`, { problems });
    }
    for (const party of stored) this.facts.partyIds.set(party.slug, Number(party.id));

    const contentHash = createHash('sha256').update(JSON.stringify(this.doc)).digest('hex');
    const existing = await manager.getRepository(Source).findOneBy({ slug: this.doc.source.slug });
    if (existing && existing.contentHash === contentHash && !force) {
      this.source = existing;
      return { source: existing.slug, status: 'unchanged', written: {} };
    }
    const { slug, title, publisher, publishedOn, url, text } = this.doc.source;
    this.source = await this.facts.upsert(Source, { slug }, { title, publisher, publishedOn: date(publishedOn)!, url: url ?? null, text, contentHash });

    await this.writeParties();
    await this.writeFacts();
    const changed = Object.values(this.facts.written).some((n) => n > 0);
    return { source: slug, status: !existing ? 'created' : changed ? 'updated' : 'unchanged', written: this.facts.written };
  }

  private cite(subject: { nodeType: string; id: number }, quotes: string[]) {
    return this.facts.cite(subject, this.source, quotes);
  }

  private async writeParties() {
    const facts = this.facts;
    for (const party of this.doc.parties ?? []) {
      await this.cite(await facts.writeParty(party), party.quotes);
    }
    for (const c of this.doc.characterizations ?? []) {
      const row = await facts.upsert(Characterization, { partyId: facts.party(c.party), text: c.text }, { topics: c.topics ?? [] });
      await this.cite(row, c.quotes);
    }
    for (const a of this.doc.affiliations ?? []) {
      const key = { personId: facts.party(a.person), organizationId: facts.party(a.organization), role: a.role };
      await this.cite(await facts.upsert(Affiliation, key, { since: date(a.since) }), a.quotes);
    }
    for (const k of this.doc.kinships ?? []) {
      const key = { personId: facts.party(k.person), relativeId: facts.party(k.relative) };
      const row = await facts.upsert(KinshipRecord, key, { relation: k.relation, inverseRelation: k.inverseRelation });
      await this.cite({ nodeType: 'Kinship', id: row.id }, k.quotes);
    }
  }

  private async writeFacts() {
    const facts = this.facts;
    const actionIds = new Map<string, number>();
    for (const a of this.doc.regulatoryActions ?? []) {
      const row = await facts.writeRegulatoryAction(a);
      actionIds.set(a.slug, row.id);
      await this.cite(row, a.quotes);
    }
    for (const l of this.doc.lawsuits ?? []) {
      await this.cite(await facts.writeLawsuit(l, l.challenges ? actionIds.get(l.challenges)! : null), l.quotes);
    }
    for (const s of this.doc.sanctions ?? []) {
      await this.cite(await facts.writeSanction(s), s.quotes);
    }
    for (const n of this.doc.negotiations ?? []) {
      await this.cite(await facts.writeNegotiation(n), n.quotes);
    }
    for (const p of this.doc.patentStats ?? []) {
      const key = { holderId: facts.party(p.holder), scope: p.scope as PatentScope, asOf: date(p.asOf) };
      const row = await facts.upsert(PatentStat, key, { count: p.count, qualifier: (p.qualifier ?? null) as CountQualifier | null });
      await this.cite(row, p.quotes);
    }
    for (const r of this.doc.rankings ?? []) {
      const row = await facts.upsert(Ranking, { slug: r.slug }, {
        name: r.name,
        year: r.year ?? null,
        basis: r.basis ?? null,
        dataFromId: r.dataFrom ? facts.party(r.dataFrom) : null,
      });
      await this.cite(row, r.quotes);
      for (const entry of r.entries) {
        const entryRow = await facts.upsert(RankingEntry, { rankingId: row.id, partyId: facts.party(entry.party) }, { position: entry.position ?? null });
        await this.cite(entryRow, entry.quotes);
      }
    }
    for (const s of this.doc.statements ?? []) {
      await this.cite(await facts.writeStatement(s), s.quotes);
    }
    for (const e of this.doc.events ?? []) {
      await this.cite(await facts.writeEvent(e), e.quotes);
    }
  }
}
