import type { EntityManager, ObjectLiteral } from 'typeorm';
import { BadUserInputError } from '../../common/errors';
import { FuzzyDate } from '../../common/fuzzy-date/fuzzy-date';
import type { AuditChange } from '../audit/audit-entry.entity';
import { Authority } from '../authority/authority.entity';
import type { AuthorityKind } from '../authority/authority-kind.enum';
import { Company } from '../company/company.entity';
import { EventParticipant } from '../event/event-participant.entity';
import { Event } from '../event/event.entity';
import { LawsuitParty } from '../lawsuit/lawsuit-party.entity';
import { Lawsuit } from '../lawsuit/lawsuit.entity';
import { PartyRole, type CaseStatus, type LawsuitKind } from '../lawsuit/lawsuit.enums';
import { LicensingNegotiation } from '../negotiation/licensing-negotiation.entity';
import type { NegotiationStatus } from '../negotiation/negotiation-status.enum';
import { NegotiationParty } from '../negotiation/negotiation-party.entity';
import type { PartyEntity } from '../party/party.entity';
import { Person } from '../person/person.entity';
import { RegulatoryAction } from '../regulatory-action/regulatory-action.entity';
import type { SanctionStatus } from '../sanction/sanction-status.enum';
import { Sanction } from '../sanction/sanction.entity';
import { Citation } from '../source/citation.entity';
import { Statement } from '../statement/statement.entity';
import type { EventDoc, LawsuitDoc, NegotiationDoc, PartyDoc, RegulatoryActionDoc, SanctionDoc, StatementDoc } from './source-document';

export const partyClasses = { COMPANY: Company, PERSON: Person, AUTHORITY: Authority } as const;
export const date = (value: string | null | undefined) => (value == null ? null : FuzzyDate.parse(value));

/** The facts of a document without their quotes: what the writers below store. */
type Fact<T> = Omit<T, 'quotes'>;

/** A stored source that quotes are checked against and cited from. */
export interface CitedSource {
  id: number;
  text: string;
}

/**
 * Writes facts inside one transaction, matching each by its natural key, and records every
 * row it inserts, changes or removes (for the import report and the audit log). Shared by the
 * source-document importer and the mutations, so both store a fact the same way.
 */
export class FactWriter {
  /** Rows inserted or changed, by table. */
  readonly written: Record<string, number> = {};
  /** Every row written, for the audit log. */
  readonly changes: AuditChange[] = [];
  /** Party ids by slug, for the parties this write has looked up or written. */
  readonly partyIds = new Map<string, number>();

  constructor(readonly manager: EntityManager) {}

  party(slug: string): number {
    const id = this.partyIds.get(slug);
    if (id === undefined) throw new BadUserInputError(`unknown party "${slug}"`);
    return id;
  }

  async writeParty(party: Fact<PartyDoc>): Promise<PartyEntity> {
    const values: Record<string, unknown> = { name: party.name, aliases: party.aliases ?? [], description: party.description ?? null };
    if (party.type === 'COMPANY') Object.assign(values, { headquarters: party.headquarters ?? null, country: party.country ?? null });
    if (party.type === 'AUTHORITY') Object.assign(values, { kind: party.kind as AuthorityKind, jurisdiction: party.jurisdiction ?? null });
    const row = await this.upsert<PartyEntity>(partyClasses[party.type], { slug: party.slug }, values);
    this.partyIds.set(party.slug, row.id);
    return row;
  }

  async writeRegulatoryAction(a: Fact<RegulatoryActionDoc>): Promise<RegulatoryAction> {
    return this.upsert(RegulatoryAction, { slug: a.slug }, {
      authorityId: this.party(a.authority),
      subjectId: a.subject ? this.party(a.subject) : null,
      description: a.description,
      date: date(a.date),
    });
  }

  async writeLawsuit(l: Fact<LawsuitDoc>, challengesId: number | null): Promise<Lawsuit> {
    const row = await this.upsert(Lawsuit, { slug: l.slug }, {
      title: l.title,
      kind: l.kind as LawsuitKind,
      status: l.status as CaseStatus,
      filed: date(l.filed),
      venue: l.venue ?? null,
      summary: l.summary ?? null,
      technologies: l.technologies ?? [],
      challengesId,
    });
    const sides = [
      ...l.plaintiffs.map((slug) => ({ partyId: this.party(slug), role: PartyRole.PLAINTIFF })),
      ...l.defendants.map((slug) => ({ partyId: this.party(slug), role: PartyRole.DEFENDANT })),
    ];
    await this.replaceLinks(LawsuitParty, { lawsuitId: row.id }, sides);
    return row;
  }

  async writeSanction(s: Fact<SanctionDoc>): Promise<Sanction> {
    return this.upsert(Sanction, { slug: s.slug }, {
      targetId: this.party(s.target),
      authorityId: this.party(s.authority),
      description: s.description,
      imposed: date(s.imposed),
      status: s.status as SanctionStatus,
    });
  }

  async writeNegotiation(n: Fact<NegotiationDoc>): Promise<LicensingNegotiation> {
    const row = await this.upsert(LicensingNegotiation, { slug: n.slug }, {
      subject: n.subject,
      status: n.status as NegotiationStatus,
      started: date(n.started),
      summary: n.summary ?? null,
    });
    await this.replaceLinks(NegotiationParty, { negotiationId: row.id }, n.parties.map((slug) => ({ partyId: this.party(slug) })));
    return row;
  }

  async writeStatement(s: Fact<StatementDoc>): Promise<Statement> {
    return this.upsert(Statement, { slug: s.slug }, { speakerId: this.party(s.speaker), text: s.text, date: date(s.date) });
  }

  async writeEvent(e: Fact<EventDoc>): Promise<Event> {
    const row = await this.upsert(Event, { slug: e.slug }, { title: e.title, date: date(e.date), location: e.location ?? null });
    await this.replaceLinks(EventParticipant, { eventId: row.id }, e.participants.map((slug) => ({ partyId: this.party(slug) })));
    return row;
  }

  /** Finds the row by its natural key; inserts it, or updates the columns that differ. */
  async upsert<T extends ObjectLiteral & { id: number }>(type: new () => T, key: Partial<T>, values: Partial<T>): Promise<T> {
    const repository = this.manager.getRepository(type);
    const where = Object.fromEntries(Object.entries(key).map(([k, v]) => [k, v instanceof FuzzyDate ? v.format() : v]));
    const found = await repository.createQueryBuilder('row').where(where).getOne();
    const table = repository.metadata.tableName;
    if (!found) {
      const created = await repository.save(repository.create({ ...key, ...values } as T));
      this.count(table);
      this.changes.push({ op: 'INSERT', table, rowId: created.id, values: auditValues({ ...key, ...values }) });
      return created;
    }
    const changed = Object.entries(values).filter(([k, v]) => !sameValue(found[k], v));
    if (changed.length > 0) {
      const diff = Object.fromEntries(changed.map(([k, v]) => [k, { from: auditValue(found[k]), to: auditValue(v) }]));
      Object.assign(found, Object.fromEntries(changed));
      await repository.save(found);
      this.count(table);
      this.changes.push({ op: 'UPDATE', table, rowId: found.id, values: diff });
    }
    return found;
  }

  /** Makes the link rows of one fact exactly `wanted`, keeping rows that are already right. */
  async replaceLinks<T extends ObjectLiteral & { id: number }>(type: new () => T, owner: Partial<T>, wanted: Partial<T>[]) {
    const repository = this.manager.getRepository(type);
    const current = await repository.findBy(owner as never);
    const signature = (row: Partial<T>) => JSON.stringify({ partyId: row.partyId, role: row.role ?? null });
    const wantedSet = new Set(wanted.map(signature));
    const currentSet = new Set(current.map(signature));
    const stale = current.filter((row) => !wantedSet.has(signature(row)));
    const missing = wanted.filter((row) => !currentSet.has(signature(row)));
    const table = repository.metadata.tableName;
    for (const row of stale) this.changes.push({ op: 'DELETE', table, rowId: row.id, values: auditValues(row) });
    if (stale.length) await repository.remove(stale);
    if (missing.length) {
      const saved = await repository.save(missing.map((row) => repository.create({ ...owner, ...row } as T)));
      for (const row of saved) this.changes.push({ op: 'INSERT', table, rowId: row.id, values: auditValues({ ...owner, ...row }) });
    }
    if (stale.length || missing.length) this.count(table, stale.length + missing.length);
  }

  /** Cites each quote of `source` for the subject, once (quotes must occur verbatim: checked before). */
  async cite(subject: { nodeType: string; id: number }, source: CitedSource, quotes: string[]) {
    const repository = this.manager.getRepository(Citation);
    for (const quote of quotes) {
      const key = { subjectType: subject.nodeType, subjectId: subject.id, sourceId: source.id, quote };
      if (await repository.existsBy(key)) continue;
      const result = await repository.insert({ ...key, offset: source.text.indexOf(quote) });
      this.count('citation');
      this.changes.push({ op: 'INSERT', table: 'citation', rowId: Number(result.identifiers[0]?.id ?? null) || null, values: auditValues(key) });
    }
  }

  count(table: string, n = 1) {
    this.written[table] = (this.written[table] ?? 0) + n;
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof FuzzyDate || b instanceof FuzzyDate) {
    return (a instanceof FuzzyDate ? a.format() : a) === (b instanceof FuzzyDate ? b.format() : b);
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

const AUDIT_TEXT_LIMIT = 500;

function auditValue(value: unknown): unknown {
  if (value instanceof FuzzyDate) return value.format();
  if (typeof value === 'string' && value.length > AUDIT_TEXT_LIMIT) return `${value.slice(0, AUDIT_TEXT_LIMIT)}… (${value.length} characters)`;
  return value ?? null;
}

function auditValues(row: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined && typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof FuzzyDate).map(([k, v]) => [k, auditValue(v)]));
}
