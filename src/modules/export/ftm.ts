import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { SqlReader } from '../../common/database/sql-reader';
import { FuzzyDate } from '../../common/fuzzy-date/fuzzy-date';
import { keysetPages } from './keyset';

/** A FollowTheMoney entity as its JSON lines carry it: every property a list of strings. */
export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
  /** Ids this entity had before (FtM's merged-entity form): its former slugs'. */
  referents?: string[];
}

/** The prefix of every exported id: ours, so they never collide with another dataset's in Aleph or yente. */
const PREFIX = 'ce';

/** The id of an entity with a slug: stable across runs, databases and restores (slugs are natural keys). */
export const slugId = (kind: string, slug: string) => `${PREFIX}-${kind}-${slug}`;

/** The id of a row without a slug (a case's party, a kinship), from its natural key: stable, and bounded in length. */
export const keyId = (kind: string, ...parts: string[]) => `${PREFIX}-${kind}-${createHash('sha1').update(parts.join('\u0000')).digest('hex')}`;

/** A date FtM can state: the ISO prefix of an exact or approximate date; a date known only by a bound ("before 2019") is left out. */
export function ftmDate(stored: unknown): string | null {
  if (typeof stored !== 'string' || stored === '') return null;
  try {
    const date = FuzzyDate.parse(stored);
    return date.bound ? null : date.iso;
  } catch {
    return null;
  }
}

/** FtM's `name` properties hold at most 384 characters (`string` 1,024, `text` 65,000): longer text is cut at a word. */
function shortName(text: string, max = 380): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}

interface PartyRow {
  id: number;
  slug: string;
  name: string;
  party_type: string;
}
interface SourceInfo {
  documentId: string;
  publisher: string;
  url: string | null;
  published: string | null;
}
/** What the sources say of one subject: per source, the fields it states and the quotes it is cited by. */
type SubjectSources = Map<number, { fields: Set<string>; quotes: string[] }>;

const PARTY_SCHEMA: Record<string, string> = { COMPANY: 'Company', PERSON: 'Person', AUTHORITY: 'PublicBody' };
/** Roles of an affiliation that are a seat on a board or at the head (FtM's Directorship); the rest are employment. */
const DIRECTOR_ROLE = /\b(director|chair(man|woman|person)?|board|founder|chief|ceo|cfo|coo|cto|president|officer|executive|head)\b/i;
const MEMBER_ROLE = /\b(member|partner)\b/i;

/**
 * The store as FollowTheMoney entities, one type at a time, a keyset page at a time. Each page
 * costs a fixed number of statements (the rows, their link rows, the parties they name, their
 * citations and statements, the sources not yet seen), whatever its size.
 *
 * Sources: every source is a `Document`; every cited entity that is a `Thing` names its sources'
 * Documents in `proof` and has one `Documentation` per source, whose `role` lists the fields that
 * source states and whose `summary` holds its quotes; an `Interval` (a sanction, a case's party, a
 * family link, a directorship) cannot have `proof`, so it carries its sources' `publisher` and
 * `sourceUrl`.
 */
export class FtmExport {
  /** Sources seen, by id: bounded, so a store of any size is exported in constant memory (a miss is one more read). */
  private readonly sources = new LRUCache<number, SourceInfo>({ max: 10_000 });

  constructor(private readonly reader: SqlReader) {}

  /** Every exported entity, in a fixed order (documents, parties, facts), each type in id order. */
  async *entities(filter: (type: string) => { conditions: string[]; parameters: unknown[] } = () => ({ conditions: [], parameters: [] })) {
    const pages = (table: string, type: string, columns = '*') => {
      const { conditions, parameters } = filter(type);
      return keysetPages<Record<string, any> & { id: number }>(this.reader, table, conditions, parameters, { columns });
    };
    // Not a source's text (up to 90,000 characters): FtM's Document here stands for the source, its quotes are in the Documentation.
    for await (const rows of pages('source', 'Source', 'id, slug, title, publisher, url, published_on'))
      yield* await this.withReferents(
        'source',
        'source',
        rows,
        rows.map((row) => this.document(row)),
      );
    for await (const rows of pages('party', 'Party')) yield* await this.withReferents('party', 'party', rows, await this.parties(rows));
    for await (const rows of pages('lawsuit', 'Lawsuit')) yield* await this.withReferents('lawsuit', 'lawsuit', rows, await this.lawsuits(rows));
    for await (const rows of pages('sanction', 'Sanction')) yield* await this.withReferents('sanction', 'sanction', rows, await this.sanctions(rows));
    for await (const rows of pages('event', 'Event')) yield* await this.withReferents('event', 'event', rows, await this.events(rows));
    for await (const rows of pages('regulatory_action', 'RegulatoryAction'))
      yield* await this.withReferents('regulatory_action', 'regulatory-action', rows, await this.regulatoryActions(rows));
    for await (const rows of pages('licensing_negotiation', 'LicensingNegotiation'))
      yield* await this.withReferents('licensing_negotiation', 'negotiation', rows, await this.negotiations(rows));
    for await (const rows of pages('dispute', 'Dispute')) yield* await this.withReferents('dispute', 'dispute', rows, await this.disputes(rows));
    for await (const rows of pages('affiliation', 'Affiliation')) yield* await this.affiliations(rows);
    for await (const rows of pages('kinship', 'Kinship')) yield* await this.kinships(rows);
    for await (const rows of pages('statement', 'Statement')) yield* await this.withReferents('statement', 'statement', rows, await this.statements(rows));
  }

  /**
   * FtM's `referents`: the ids an entity had under its former slugs (a renamed row, or parties
   * merged into it: the store's former identifiers), so a consumer that holds an old id finds it.
   */
  private async withReferents(table: string, kind: string, rows: Record<string, any>[], entities: FtmEntity[]): Promise<FtmEntity[]> {
    const former = await this.reader.query<{ current_id: number; former_slug: string }>(
      `SELECT current_id, former_slug FROM former_identifier WHERE table_name = ? AND former_slug IS NOT NULL AND ${this.reader.inList('current_id')} ORDER BY id`,
      [table, this.reader.listParameter(rows.map((row) => row.id))],
    );
    if (former.length === 0) return entities;
    const byId = new Map(entities.map((e) => [e.id, e]));
    for (const row of rows) {
      const slugs = former.filter((f) => Number(f.current_id) === Number(row.id)).map((f) => slugId(kind, f.former_slug));
      const target = byId.get(slugId(kind, row.slug));
      if (target && slugs.length) target.referents = [...new Set(slugs)];
    }
    return entities;
  }

  private document(row: Record<string, any>): FtmEntity {
    const info = this.sourceInfo(row);
    this.sources.set(row.id, info);
    return entity(info.documentId, 'Document', {
      fileName: [`${row.slug}.txt`],
      title: [row.title],
      publisher: [row.publisher],
      sourceUrl: row.url ? [row.url] : [],
      publishedAt: info.published ? [info.published] : [],
      mimeType: ['text/plain'],
    });
  }

  private sourceInfo(row: Record<string, any>): SourceInfo {
    return { documentId: slugId('source', row.slug), publisher: row.publisher, url: row.url ?? null, published: ftmDate(row.published_on) };
  }

  private async parties(rows: Record<string, any>[]): Promise<FtmEntity[]> {
    const out: FtmEntity[] = [];
    const byType = new Map<string, Record<string, any>[]>();
    for (const row of rows) byType.set(row.party_type, [...(byType.get(row.party_type) ?? []), row]);
    for (const [partyType, group] of byType) {
      const typeName = partyType === 'AUTHORITY' ? 'Authority' : partyType === 'PERSON' ? 'Person' : 'Company';
      const sources = await this.sourcesOf(
        typeName,
        group.map((row) => row.id),
      );
      for (const row of group) {
        const properties: Record<string, string[]> = {
          name: [row.name],
          alias: parseList(row.aliases),
          description: row.description ? [row.description] : [],
        };
        if (partyType === 'COMPANY')
          Object.assign(properties, { address: row.headquarters ? [shortName(row.headquarters, 250)] : [], country: lower(row.country) });
        if (partyType === 'AUTHORITY')
          Object.assign(properties, { jurisdiction: lower(row.jurisdiction), classification: row.authority_kind ? [row.authority_kind] : [] });
        out.push(...(await this.cited(entity(partyId(row as PartyRow), PARTY_SCHEMA[partyType] ?? 'LegalEntity', properties), sources.get(row.id), true)));
      }
    }
    return out;
  }

  private async lawsuits(rows: Record<string, any>[]): Promise<FtmEntity[]> {
    const ids = rows.map((row) => row.id);
    const sides = await this.reader.query<{ lawsuit_id: number; party_id: number; role: string }>(
      `SELECT lawsuit_id, party_id, role FROM lawsuit_party WHERE ${this.reader.inList('lawsuit_id')} ORDER BY id`,
      [this.reader.listParameter(ids)],
    );
    const parties = await this.partiesById(sides.map((side) => side.party_id));
    const sources = await this.sourcesOf('Lawsuit', ids);
    const out: FtmEntity[] = [];
    for (const row of rows) {
      const caseId = slugId('lawsuit', row.slug);
      const cited = sources.get(row.id);
      out.push(
        ...(await this.cited(
          entity(caseId, 'CourtCase', {
            name: [shortName(row.title)],
            category: [row.kind],
            status: [row.status],
            fileDate: optional(ftmDate(row.filed)),
            court: optional(row.venue),
            summary: optional(row.summary),
            keywords: parseList(row.technologies),
          }),
          cited,
          true,
        )),
      );
      for (const side of sides.filter((s) => s.lawsuit_id === row.id)) {
        const party = parties.get(side.party_id);
        if (!party) continue;
        out.push(
          this.withPublishers(
            entity(keyId('courtcaseparty', row.slug, party.slug, side.role), 'CourtCaseParty', { case: [caseId], party: [partyId(party)], role: [side.role] }),
            cited,
          ),
        );
      }
    }
    return out;
  }

  private async sanctions(rows: Record<string, any>[]): Promise<FtmEntity[]> {
    const parties = await this.partiesById(rows.flatMap((row) => [row.target_id, row.authority_id]));
    const sources = await this.sourcesOf(
      'Sanction',
      rows.map((row) => row.id),
    );
    const out: FtmEntity[] = [];
    for (const row of rows) {
      const target = parties.get(row.target_id);
      if (!target) continue;
      const authority = parties.get(row.authority_id);
      const sanction = entity(slugId('sanction', row.slug), 'Sanction', {
        entity: [partyId(target)],
        authority: authority ? [authority.name] : [],
        reason: [row.description],
        status: [row.status],
        startDate: optional(ftmDate(row.imposed)),
        recordId: [row.slug],
      });
      out.push(this.withPublishers(sanction, sources.get(row.id)));
    }
    return out;
  }

  private async events(rows: Record<string, any>[]): Promise<FtmEntity[]> {
    const involved = await this.linked('event_participant', 'event_id', rows);
    const sources = await this.sourcesOf(
      'Event',
      rows.map((row) => row.id),
    );
    const out: FtmEntity[] = [];
    for (const row of rows) {
      const properties = {
        name: [shortName(row.title)],
        date: optional(ftmDate(row.date)),
        location: row.location ? [shortName(row.location, 250)] : [],
        involved: involved.get(row.id) ?? [],
      };
      out.push(...(await this.cited(entity(slugId('event', row.slug), 'Event', properties), sources.get(row.id), true)));
    }
    return out;
  }

  /** A regulatory action is an Event its authority organizes and its subject is involved in. */
  private async regulatoryActions(rows: Record<string, any>[]): Promise<FtmEntity[]> {
    const parties = await this.partiesById(rows.flatMap((row) => [row.authority_id, row.subject_id]));
    const sources = await this.sourcesOf(
      'RegulatoryAction',
      rows.map((row) => row.id),
    );
    const out: FtmEntity[] = [];
    for (const row of rows) {
      const authority = parties.get(row.authority_id);
      const subject = parties.get(row.subject_id);
      const properties = {
        name: [shortName(row.description)],
        summary: [row.description],
        date: optional(ftmDate(row.date)),
        organizer: authority ? [partyId(authority)] : [],
        involved: subject ? [partyId(subject)] : [],
        keywords: ['regulatory action'],
      };
      out.push(...(await this.cited(entity(slugId('regulatory-action', row.slug), 'Event', properties), sources.get(row.id), true)));
    }
    return out;
  }

  /** Licensing talks are an Event of their parties; the status goes in `notes` (Event has no status). */
  private async negotiations(rows: Record<string, any>[]): Promise<FtmEntity[]> {
    const involved = await this.linked('negotiation_party', 'negotiation_id', rows);
    const sources = await this.sourcesOf(
      'LicensingNegotiation',
      rows.map((row) => row.id),
    );
    const out: FtmEntity[] = [];
    for (const row of rows) {
      const properties = {
        name: [shortName(row.subject)],
        startDate: optional(ftmDate(row.started)),
        summary: optional(row.summary),
        involved: involved.get(row.id) ?? [],
        keywords: ['licensing negotiation'],
        notes: [`status: ${row.status}`],
      };
      out.push(...(await this.cited(entity(slugId('negotiation', row.slug), 'Event', properties), sources.get(row.id), true)));
    }
    return out;
  }

  /** A dispute (FtM has no conflict schema) is an Event of the parties on its sides. */
  private async disputes(rows: Record<string, any>[]): Promise<FtmEntity[]> {
    const involved = await this.linked('dispute_side', 'dispute_id', rows);
    const sources = await this.sourcesOf(
      'Dispute',
      rows.map((row) => row.id),
    );
    const out: FtmEntity[] = [];
    for (const row of rows) {
      const properties = {
        name: [shortName(row.title)],
        startDate: optional(ftmDate(row.started)),
        involved: involved.get(row.id) ?? [],
        keywords: ['dispute', ...parseList(row.technologies)],
        notes: [`status: ${row.status}`],
      };
      out.push(...(await this.cited(entity(slugId('dispute', row.slug), 'Event', properties), sources.get(row.id), true)));
    }
    return out;
  }

  /** A person's role at an organization: a Directorship (board seats and officers), a Membership, or an Employment; UnknownLink when the "organization" is a person. */
  private async affiliations(rows: Record<string, any>[]): Promise<FtmEntity[]> {
    const parties = await this.partiesById(rows.flatMap((row) => [row.person_id, row.organization_id]));
    const sources = await this.sourcesOf(
      'Affiliation',
      rows.map((row) => row.id),
    );
    const out: FtmEntity[] = [];
    for (const row of rows) {
      const person = parties.get(row.person_id);
      const organization = parties.get(row.organization_id);
      if (!person || !organization) continue;
      const id = keyId('affiliation', person.slug, organization.slug, row.role);
      const common = { role: [row.role], startDate: optional(ftmDate(row.since)) };
      const link =
        organization.party_type === 'PERSON'
          ? entity(id, 'UnknownLink', { subject: [partyId(person)], object: [partyId(organization)], ...common })
          : DIRECTOR_ROLE.test(row.role)
            ? entity(id, 'Directorship', { director: [partyId(person)], organization: [partyId(organization)], ...common })
            : MEMBER_ROLE.test(row.role)
              ? entity(id, 'Membership', { member: [partyId(person)], organization: [partyId(organization)], ...common })
              : entity(id, 'Employment', { employee: [partyId(person)], employer: [partyId(organization)], ...common });
      out.push(this.withPublishers(link, sources.get(row.id)));
    }
    return out;
  }

  /** Kinship: `relation` is what the person is to the relative ("eldest daughter of"), so FtM's `relationship` (what the relative is to the person) is the inverse. */
  private async kinships(rows: Record<string, any>[]): Promise<FtmEntity[]> {
    const parties = await this.partiesById(rows.flatMap((row) => [row.person_id, row.relative_id]));
    const sources = await this.sourcesOf(
      'Kinship',
      rows.map((row) => row.id),
    );
    const out: FtmEntity[] = [];
    for (const row of rows) {
      const person = parties.get(row.person_id);
      const relative = parties.get(row.relative_id);
      if (!person || !relative) continue;
      const family = entity(keyId('family', person.slug, relative.slug, row.relation), 'Family', {
        person: [partyId(person)],
        relative: [partyId(relative)],
        relationship: [row.inverse_relation],
        description: [`${person.name}: ${row.relation} ${relative.name}`],
      });
      out.push(this.withPublishers(family, sources.get(row.id)));
    }
    return out;
  }

  /** A party's public statement is a Note on its speaker. */
  private async statements(rows: Record<string, any>[]): Promise<FtmEntity[]> {
    const parties = await this.partiesById(rows.map((row) => row.speaker_id));
    const sources = await this.sourcesOf(
      'Statement',
      rows.map((row) => row.id),
    );
    const out: FtmEntity[] = [];
    for (const row of rows) {
      const speaker = parties.get(row.speaker_id);
      if (!speaker) continue;
      const note = entity(slugId('statement', row.slug), 'Note', { name: [shortName(row.text)], description: [row.text], entity: [partyId(speaker)] });
      out.push(...(await this.cited(note, sources.get(row.id), true)));
    }
    return out;
  }

  /** The parties linked to each row through a link table, as entity ids. */
  private async linked(table: string, column: string, rows: Record<string, any>[]): Promise<Map<number, string[]>> {
    const links = await this.reader.query<{ fact: number; party_id: number }>(
      `SELECT ${column} AS fact, party_id FROM ${table} WHERE ${this.reader.inList(column)} ORDER BY id`,
      [this.reader.listParameter(rows.map((row) => row.id))],
    );
    const parties = await this.partiesById(links.map((link) => link.party_id));
    const out = new Map<number, string[]>();
    for (const link of links) {
      const party = parties.get(link.party_id);
      const id = party ? partyId(party) : null;
      if (!id) continue;
      const list = out.get(Number(link.fact)) ?? [];
      if (!list.includes(id)) list.push(id);
      out.set(Number(link.fact), list);
    }
    return out;
  }

  private async partiesById(ids: number[]): Promise<Map<number, PartyRow>> {
    const unique = [...new Set(ids.filter((id) => id != null))];
    if (unique.length === 0) return new Map();
    const rows = await this.reader.query<PartyRow>(`SELECT id, slug, name, party_type FROM party WHERE ${this.reader.inList('id')}`, [
      this.reader.listParameter(unique),
    ]);
    return new Map(rows.map((row) => [Number(row.id), row]));
  }

  /** Per subject, its sources: the fields each states (its live statements) and its quotes (its citations). */
  private async sourcesOf(subjectType: string, ids: number[]): Promise<Map<number, SubjectSources>> {
    const out = new Map<number, SubjectSources>();
    if (ids.length === 0) return out;
    const list = this.reader.listParameter(ids);
    const at = (subject: number, source: number) => {
      const bySource = out.get(subject) ?? new Map();
      out.set(subject, bySource);
      const entry = bySource.get(source) ?? { fields: new Set<string>(), quotes: [] };
      bySource.set(source, entry);
      return entry;
    };
    const citations = await this.reader.query<{ subject_id: number; source_id: number; quote: string }>(
      `SELECT subject_id, source_id, quote FROM citation WHERE subject_type = ? AND ${this.reader.inList('subject_id')} ORDER BY id`,
      [subjectType, list],
    );
    for (const c of citations) at(Number(c.subject_id), Number(c.source_id)).quotes.push(c.quote);
    const statements = await this.reader.query<{ subject_id: number; source_id: number | null; field: string }>(
      `SELECT subject_id, source_id, field FROM field_statement WHERE subject_type = ? AND ${this.reader.inList('subject_id')} AND rank <> 'DEPRECATED' ORDER BY id`,
      [subjectType, list],
    );
    for (const s of statements) if (s.source_id != null) at(Number(s.subject_id), Number(s.source_id)).fields.add(s.field);
    await this.loadSources([...out.values()].flatMap((bySource) => [...bySource.keys()]));
    return out;
  }

  private async loadSources(ids: number[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.sources.has(id));
    if (missing.length === 0) return;
    const rows = await this.reader.query<Record<string, any>>(`SELECT id, slug, publisher, url, published_on FROM source WHERE ${this.reader.inList('id')}`, [
      this.reader.listParameter(missing),
    ]);
    for (const row of rows) this.sources.set(Number(row.id), this.sourceInfo(row));
  }

  private async sourceInfos(sources: SubjectSources | undefined): Promise<[SourceInfo, { fields: Set<string>; quotes: string[] }][]> {
    if (!sources) return [];
    await this.loadSources([...sources.keys()]);
    return [...sources].flatMap(([id, said]) => {
      const info = this.sources.get(id);
      return info ? [[info, said] as [SourceInfo, typeof said]] : [];
    });
  }

  /** A Thing with its sources: `proof`, `publisher`, `sourceUrl`, and one Documentation per source. */
  private async cited(thing: FtmEntity, sources: SubjectSources | undefined, isThing: boolean): Promise<FtmEntity[]> {
    const infos = await this.sourceInfos(sources);
    addPublishers(
      thing,
      infos.map(([info]) => info),
    );
    if (!isThing) return [thing];
    thing.properties.proof = unique(infos.map(([info]) => info.documentId));
    const documentation = infos.map(([info, said]) =>
      entity(keyId('documentation', thing.id, info.documentId), 'Documentation', {
        document: [info.documentId],
        entity: [thing.id],
        role: [said.fields.size ? `states ${[...said.fields].sort().join(', ')}` : 'cited'],
        summary: said.quotes.length ? [shortName(said.quotes.join('\n…\n'), 65_000)] : [],
        date: optional(info.published),
      }),
    );
    return [thing, ...documentation];
  }

  private withPublishers(interval: FtmEntity, sources: SubjectSources | undefined): FtmEntity {
    if (!sources) return interval;
    addPublishers(
      interval,
      [...sources.keys()].flatMap((id) => this.sources.get(id) ?? []),
    );
    return interval;
  }
}

function addPublishers(target: FtmEntity, infos: SourceInfo[]) {
  const publishers = unique(infos.map((info) => info.publisher));
  const urls = unique(infos.flatMap((info) => (info.url ? [info.url] : [])));
  if (publishers.length) target.properties.publisher = publishers;
  if (urls.length) target.properties.sourceUrl = urls;
}

const partyId = (party: { slug: string }) => slugId('party', party.slug);
const unique = (values: string[]) => [...new Set(values)];
const optional = (value: unknown): string[] => (typeof value === 'string' && value !== '' ? [value] : []);
const lower = (code: unknown): string[] => (typeof code === 'string' && code ? [code.toLowerCase()] : []);

function parseList(raw: unknown): string[] {
  const list = typeof raw === 'string' ? JSON.parse(raw) : raw;
  return Array.isArray(list) ? list.filter((v): v is string => typeof v === 'string' && v !== '') : [];
}

/** An entity with its empty properties left out (FtM has no empty values). */
function entity(id: string, schema: string, properties: Record<string, string[]>): FtmEntity {
  return { id, schema, properties: Object.fromEntries(Object.entries(properties).filter(([, values]) => values.length > 0)) };
}
