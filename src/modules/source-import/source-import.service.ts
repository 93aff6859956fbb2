import { createHash } from 'node:crypto';
import type { DataSource, EntityManager, ObjectLiteral } from 'typeorm';
import { FuzzyDate } from '../../common/fuzzy-date/fuzzy-date';
import { BadUserInputError } from '../../common/errors';
import { Authority } from '../authority/authority.entity';
import type { AuthorityKind } from '../authority/authority-kind.enum';
import { Company } from '../company/company.entity';
import { EventParticipant } from '../event/event-participant.entity';
import { Event } from '../event/event.entity';
import { LawsuitParty } from '../lawsuit/lawsuit-party.entity';
import { Lawsuit } from '../lawsuit/lawsuit.entity';
import { CaseStatus, LawsuitKind, PartyRole } from '../lawsuit/lawsuit.enums';
import { LicensingNegotiation } from '../negotiation/licensing-negotiation.entity';
import type { NegotiationStatus } from '../negotiation/negotiation-status.enum';
import { NegotiationParty } from '../negotiation/negotiation-party.entity';
import { Characterization } from '../party/characterization.entity';
import { PartyEntity, type PartyType } from '../party/party.entity';
import { runSql } from '../../common/sql';
import { PatentStat } from '../patent-stat/patent-stat.entity';
import type { CountQualifier, PatentScope } from '../patent-stat/patent-stat.enums';
import { Affiliation } from '../person/affiliation.entity';
import { KinshipRecord } from '../person/kinship.entity';
import { Person } from '../person/person.entity';
import { RankingEntry } from '../ranking/ranking-entry.entity';
import { Ranking } from '../ranking/ranking.entity';
import { RegulatoryAction } from '../regulatory-action/regulatory-action.entity';
import type { SanctionStatus } from '../sanction/sanction-status.enum';
import { Sanction } from '../sanction/sanction.entity';
import { Citation } from '../source/citation.entity';
import { Source } from '../source/source.entity';
import { Statement } from '../statement/statement.entity';
import type { SourceDocument } from './source-document';
import { referencedPartySlugs, validateSourceDocument } from './validate-source-document';

export interface ImportReport {
  source: string;
  status: 'created' | 'updated' | 'unchanged';
  /** Rows inserted or changed, by table. */
  written: Record<string, number>;
}

const partyClasses = { COMPANY: Company, PERSON: Person, AUTHORITY: Authority } as const;
const date = (value: string | null | undefined) => (value == null ? null : FuzzyDate.parse(value));

/**
 * Writes a source document in one transaction: invalid documents write nothing, and writing
 * the same document again changes nothing (every fact is matched by its natural key).
 */
export class SourceImportService {
  constructor(private readonly dataSource: DataSource) {}

  async import(doc: SourceDocument, { force = false } = {}): Promise<ImportReport> {
    return this.dataSource.transaction((manager) => new DocumentWriter(manager, doc).write(force));
  }
}

class DocumentWriter {
  private readonly written: Record<string, number> = {};
  private readonly partyIds = new Map<string, number>();
  private source!: Source;

  constructor(
    private readonly manager: EntityManager,
    private readonly doc: SourceDocument,
  ) {}

  async write(force: boolean): Promise<ImportReport> {
    // Only the parties this document names are looked up, so imports stay cheap on a large store.
    const slugs = referencedPartySlugs(this.doc);
    const stored = slugs.length
      ? await runSql<{ id: number; slug: string; party_type: PartyType }>(this.manager, 'SELECT id, slug, party_type FROM party WHERE slug IN (:...slugs)', { slugs })
      : [];
    const problems = validateSourceDocument(this.doc, new Map(stored.map((p) => [p.slug, p.party_type])));
    if (problems.length > 0) {
      throw new BadUserInputError(`The source document is invalid: ${problems.join('; ')}`, { problems });
    }
    for (const party of stored) this.partyIds.set(party.slug, Number(party.id));

    const contentHash = createHash('sha256').update(JSON.stringify(this.doc)).digest('hex');
    const existing = await this.manager.getRepository(Source).findOneBy({ slug: this.doc.source.slug });
    if (existing && existing.contentHash === contentHash && !force) {
      return { source: existing.slug, status: 'unchanged', written: {} };
    }
    const { slug, title, publisher, publishedOn, url, text } = this.doc.source;
    this.source = await this.upsert(Source, { slug }, { title, publisher, publishedOn: date(publishedOn)!, url: url ?? null, text, contentHash });

    await this.writeParties();
    await this.writeFacts();
    const changed = Object.values(this.written).some((n) => n > 0);
    return { source: slug, status: !existing ? 'created' : changed ? 'updated' : 'unchanged', written: this.written };
  }

  private async writeParties() {
    for (const party of this.doc.parties ?? []) {
      const values: Record<string, unknown> = { name: party.name, aliases: party.aliases ?? [], description: party.description ?? null };
      if (party.type === 'COMPANY') Object.assign(values, { headquarters: party.headquarters ?? null, country: party.country ?? null });
      if (party.type === 'AUTHORITY') Object.assign(values, { kind: party.kind as AuthorityKind, jurisdiction: party.jurisdiction ?? null });
      const row = await this.upsert<PartyEntity>(partyClasses[party.type], { slug: party.slug }, values);
      this.partyIds.set(party.slug, row.id);
      await this.cite(row, party.quotes);
    }
    for (const c of this.doc.characterizations ?? []) {
      const row = await this.upsert(Characterization, { partyId: this.party(c.party), text: c.text }, { topics: c.topics ?? [] });
      await this.cite(row, c.quotes);
    }
    for (const a of this.doc.affiliations ?? []) {
      const key = { personId: this.party(a.person), organizationId: this.party(a.organization), role: a.role };
      await this.cite(await this.upsert(Affiliation, key, { since: date(a.since) }), a.quotes);
    }
    for (const k of this.doc.kinships ?? []) {
      const key = { personId: this.party(k.person), relativeId: this.party(k.relative) };
      const row = await this.upsert(KinshipRecord, key, { relation: k.relation, inverseRelation: k.inverseRelation });
      await this.cite({ nodeType: 'Kinship', id: row.id }, k.quotes);
    }
  }

  private async writeFacts() {
    const actionIds = new Map<string, number>();
    for (const a of this.doc.regulatoryActions ?? []) {
      const row = await this.upsert(RegulatoryAction, { slug: a.slug }, {
        authorityId: this.party(a.authority),
        subjectId: a.subject ? this.party(a.subject) : null,
        description: a.description,
        date: date(a.date),
      });
      actionIds.set(a.slug, row.id);
      await this.cite(row, a.quotes);
    }
    for (const l of this.doc.lawsuits ?? []) {
      const row = await this.upsert(Lawsuit, { slug: l.slug }, {
        title: l.title,
        kind: l.kind as LawsuitKind,
        status: l.status as CaseStatus,
        filed: date(l.filed),
        venue: l.venue ?? null,
        summary: l.summary ?? null,
        technologies: l.technologies ?? [],
        challengesId: l.challenges ? actionIds.get(l.challenges)! : null,
      });
      const sides = [
        ...l.plaintiffs.map((slug) => ({ partyId: this.party(slug), role: PartyRole.PLAINTIFF })),
        ...l.defendants.map((slug) => ({ partyId: this.party(slug), role: PartyRole.DEFENDANT })),
      ];
      await this.replaceLinks(LawsuitParty, { lawsuitId: row.id }, sides);
      await this.cite(row, l.quotes);
    }
    for (const s of this.doc.sanctions ?? []) {
      const row = await this.upsert(Sanction, { slug: s.slug }, {
        targetId: this.party(s.target),
        authorityId: this.party(s.authority),
        description: s.description,
        imposed: date(s.imposed),
        status: s.status as SanctionStatus,
      });
      await this.cite(row, s.quotes);
    }
    for (const n of this.doc.negotiations ?? []) {
      const row = await this.upsert(LicensingNegotiation, { slug: n.slug }, {
        subject: n.subject,
        status: n.status as NegotiationStatus,
        started: date(n.started),
        summary: n.summary ?? null,
      });
      await this.replaceLinks(NegotiationParty, { negotiationId: row.id }, n.parties.map((slug) => ({ partyId: this.party(slug) })));
      await this.cite(row, n.quotes);
    }
    for (const p of this.doc.patentStats ?? []) {
      const key = { holderId: this.party(p.holder), scope: p.scope as PatentScope, asOf: date(p.asOf) };
      const row = await this.upsert(PatentStat, key, { count: p.count, qualifier: (p.qualifier ?? null) as CountQualifier | null });
      await this.cite(row, p.quotes);
    }
    for (const r of this.doc.rankings ?? []) {
      const row = await this.upsert(Ranking, { slug: r.slug }, {
        name: r.name,
        year: r.year ?? null,
        basis: r.basis ?? null,
        dataFromId: r.dataFrom ? this.party(r.dataFrom) : null,
      });
      await this.cite(row, r.quotes);
      for (const entry of r.entries) {
        const entryRow = await this.upsert(RankingEntry, { rankingId: row.id, partyId: this.party(entry.party) }, { position: entry.position ?? null });
        await this.cite(entryRow, entry.quotes);
      }
    }
    for (const s of this.doc.statements ?? []) {
      const row = await this.upsert(Statement, { slug: s.slug }, { speakerId: this.party(s.speaker), text: s.text, date: date(s.date) });
      await this.cite(row, s.quotes);
    }
    for (const e of this.doc.events ?? []) {
      const row = await this.upsert(Event, { slug: e.slug }, { title: e.title, date: date(e.date), location: e.location ?? null });
      await this.replaceLinks(EventParticipant, { eventId: row.id }, e.participants.map((slug) => ({ partyId: this.party(slug) })));
      await this.cite(row, e.quotes);
    }
  }

  private party(slug: string): number {
    const id = this.partyIds.get(slug);
    if (id === undefined) throw new BadUserInputError(`unknown party "${slug}"`);
    return id;
  }

  /** Finds the row by its natural key; inserts it, or updates the columns that differ. */
  private async upsert<T extends ObjectLiteral & { id: number }>(
    type: new () => T,
    key: Partial<T>,
    values: Partial<T>,
  ): Promise<T> {
    const repository = this.manager.getRepository(type);
    const where = Object.fromEntries(Object.entries(key).map(([k, v]) => [k, v instanceof FuzzyDate ? v.format() : v]));
    const found = await repository.createQueryBuilder('row').where(where).getOne();
    const table = repository.metadata.tableName;
    if (!found) {
      const created = await repository.save(repository.create({ ...key, ...values } as T));
      this.count(table);
      return created;
    }
    const changed = Object.entries(values).filter(([k, v]) => !sameValue(found[k], v));
    if (changed.length > 0) {
      Object.assign(found, Object.fromEntries(changed));
      await repository.save(found);
      this.count(table);
    }
    return found;
  }

  /** Makes the link rows of one fact exactly `wanted`, keeping rows that are already right. */
  private async replaceLinks<T extends ObjectLiteral & { id: number }>(type: new () => T, owner: Partial<T>, wanted: Partial<T>[]) {
    const repository = this.manager.getRepository(type);
    const current = await repository.findBy(owner as never);
    const signature = (row: Partial<T>) => JSON.stringify({ partyId: row.partyId, role: row.role ?? null });
    const wantedSet = new Set(wanted.map(signature));
    const currentSet = new Set(current.map(signature));
    const stale = current.filter((row) => !wantedSet.has(signature(row)));
    const missing = wanted.filter((row) => !currentSet.has(signature(row)));
    if (stale.length) await repository.remove(stale);
    if (missing.length) await repository.save(missing.map((row) => repository.create({ ...owner, ...row } as T)));
    if (stale.length || missing.length) this.count(repository.metadata.tableName, stale.length + missing.length);
  }

  private async cite(subject: { nodeType: string; id: number }, quotes: string[]) {
    const repository = this.manager.getRepository(Citation);
    for (const quote of quotes) {
      const key = { subjectType: subject.nodeType, subjectId: subject.id, sourceId: this.source.id, quote };
      if (await repository.existsBy(key)) continue;
      await repository.insert({ ...key, offset: this.source.text.indexOf(quote) });
      this.count('citation');
    }
  }

  private count(table: string, n = 1) {
    this.written[table] = (this.written[table] ?? 0) + n;
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof FuzzyDate || b instanceof FuzzyDate) {
    return (a instanceof FuzzyDate ? a.format() : a) === (b instanceof FuzzyDate ? b.format() : b);
  }
  return JSON.stringify(a) === JSON.stringify(b);
}
