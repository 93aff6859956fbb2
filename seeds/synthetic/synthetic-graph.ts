import prand from 'pure-rand';
import type { BulkWriter, Row } from './bulk-writer';

/**
 * A deterministic, realistic conflict graph of any size, in the proportions of a real dispute
 * graph (per company: ~0.8 people and affiliations, ~0.6 suits it brings with 1–3 opponents,
 * sanctions on ~1 in 10, licensing talks, statements, events, and a citation for every fact).
 * The same seed and size always give the same rows.
 */
export interface SyntheticOptions {
  companies: number;
  seed?: number;
  /** Rows per write batch (one transaction each on SQLite). */
  batchSize?: number;
  onProgress?: (companiesDone: number, rowsWritten: number) => void;
}

const NAME_HEADS = [
  'Nor',
  'Vel',
  'Astra',
  'Quan',
  'Zen',
  'Lum',
  'Orbi',
  'Kai',
  'Tera',
  'Hexa',
  'Sol',
  'Cor',
  'Meri',
  'Vox',
  'Pira',
  'Neo',
  'Alta',
  'Bryn',
  'Cyra',
  'Dara',
];
const NAME_TAILS = ['vex', 'tel', 'nix', 'com', 'tron', 'gen', 'link', 'wave', 'core', 'data', 'net', 'sys', 'tek', 'logic', 'mind', 'path'];
const INDUSTRIES = ['Telecom', 'Semiconductors', 'Networks', 'Devices', 'Software', 'Cloud', 'Mobile', 'Systems', 'Labs', 'Holdings'];
const CITIES: [string, string][] = [
  ['Shenzhen', 'CN'],
  ['New York', 'US'],
  ['San Jose', 'US'],
  ['Seoul', 'KR'],
  ['Tokyo', 'JP'],
  ['Munich', 'DE'],
  ['Helsinki', 'FI'],
  ['Stockholm', 'SE'],
  ['Paris', 'FR'],
  ['Taipei', 'TW'],
  ['Bangalore', 'IN'],
  ['London', 'GB'],
];
const GIVEN = ['Li', 'Anna', 'James', 'Mei', 'Carlos', 'Sofia', 'Hiro', 'Elena', 'Omar', 'Priya', 'Lukas', 'Grace', 'Chen', 'Noah', 'Yuna', 'Ivan'];
const FAMILY = ['Wang', 'Smith', 'Kim', 'Garcia', 'Tanaka', 'Muller', 'Rossi', 'Khan', 'Silva', 'Novak', 'Larsen', 'Dubois', 'Zhang', 'Patel', 'Cohen', 'Berg'];
const ROLES = ['Chief Executive Officer', 'Chief Financial Officer', 'Founder', 'General Counsel', 'Chief Technology Officer', 'Chairman'];
const TECHNOLOGIES = [
  '5G radio access',
  'network security measures',
  'video compression',
  'remote sharing from a PC',
  'parental controls',
  'battery management',
  'touchscreen gestures',
  'wireless charging',
  'contacts app design',
  'cloud synchronization',
  'LTE handover',
  'Wi-Fi mesh routing',
  'image stabilization',
  'voice assistants',
];
const AUTHORITY_KINDS = ['REGULATOR', 'GOVERNMENT', 'AGENCY', 'COURT'];
const KINDS = ['PATENT_INFRINGEMENT', 'PATENT_INFRINGEMENT', 'PATENT_INFRINGEMENT', 'ANTITRUST', 'CONTRACT', 'REGULATORY_CHALLENGE'];
const STATUSES = ['FILED', 'PENDING', 'SETTLED', 'DISMISSED', 'DECIDED'];

/** The tables the synthetic graph writes to. */
export const SYNTHETIC_TABLES = [
  'party',
  'affiliation',
  'lawsuit',
  'lawsuit_party',
  'sanction',
  'regulatory_action',
  'licensing_negotiation',
  'negotiation_party',
  'statement',
  'event',
  'event_participant',
  'source',
  'citation',
] as const;

/** The seed `npm run seed:synthetic` and the benchmark use unless told otherwise. */
export const DEFAULT_SYNTHETIC_SEED = 2020;

export async function writeSyntheticGraph(writer: BulkWriter, options: SyntheticOptions): Promise<Record<string, number>> {
  const { companies, seed = DEFAULT_SYNTHETIC_SEED, batchSize = 20000 } = options;
  const rng = prand.xoroshiro128plus(seed);
  const int = (min: number, max: number) => prand.unsafeUniformIntDistribution(min, max, rng);
  const chance = (p: number) => int(0, 999_999) < p * 1_000_000;
  const pick = <T>(list: readonly T[]) => list[int(0, list.length - 1)];
  const date = () => `${int(2012, 2020)}-${String(int(1, 12)).padStart(2, '0')}${chance(0.2) ? '~' : ''}`;

  const tables = SYNTHETIC_TABLES;
  type Table = (typeof tables)[number];
  const nextId = {} as Record<Table, number>;
  for (const table of tables) nextId[table] = (await writer.maxId(table)) + 1;
  const columns: Record<Table, string[]> = {
    party: ['id', 'party_type', 'slug', 'name', 'aliases', 'description', 'headquarters', 'country', 'authority_kind', 'jurisdiction'],
    affiliation: ['id', 'person_id', 'organization_id', 'role', 'since'],
    lawsuit: ['id', 'slug', 'title', 'kind', 'status', 'filed', 'venue', 'summary', 'technologies', 'challenges_id'],
    lawsuit_party: ['id', 'lawsuit_id', 'party_id', 'role'],
    sanction: ['id', 'slug', 'target_id', 'authority_id', 'description', 'imposed', 'status'],
    regulatory_action: ['id', 'slug', 'authority_id', 'subject_id', 'description', 'date'],
    licensing_negotiation: ['id', 'slug', 'subject', 'status', 'started', 'summary'],
    negotiation_party: ['id', 'negotiation_id', 'party_id'],
    statement: ['id', 'slug', 'speaker_id', 'text', 'date'],
    event: ['id', 'slug', 'title', 'date', 'location'],
    event_participant: ['id', 'event_id', 'party_id'],
    source: ['id', 'slug', 'title', 'publisher', 'published_on', 'url', 'text', 'content_hash'],
    citation: ['id', 'subject_type', 'subject_id', 'source_id', 'quote', 'offset'],
  };
  // Parents are flushed before children, so foreign keys hold at every commit.
  const flushOrder: Table[] = [
    'source',
    'party',
    'affiliation',
    'regulatory_action',
    'lawsuit',
    'lawsuit_party',
    'sanction',
    'licensing_negotiation',
    'negotiation_party',
    'statement',
    'event',
    'event_participant',
    'citation',
  ];
  const pending = Object.fromEntries(tables.map((t) => [t, [] as Row[]])) as Record<Table, Row[]>;
  const written = Object.fromEntries(tables.map((t) => [t, 0])) as Record<Table, number>;
  let pendingRows = 0;
  const add = (table: Table, row: Row): number => {
    const id = nextId[table]++;
    row.unshift(id);
    pending[table].push(row);
    pendingRows += 1;
    return id;
  };
  const flush = async () => {
    for (const table of flushOrder) {
      if (pending[table].length === 0) continue;
      await writer.insert(table, columns[table], pending[table]);
      written[table] += pending[table].length;
      pending[table] = [];
    }
    pendingRows = 0;
  };

  // Sources: one per 100 companies, written up front with their full text, which is the
  // sentences later cited from them, so every quote occurs verbatim.
  const sourceCount = Math.max(1, Math.ceil(companies / 100));
  const sentencesPerSource = 40;
  const sources = Array.from({ length: sourceCount }, (_, s) => {
    const sentences = Array.from(
      { length: sentencesPerSource },
      (_, k) => `Synthetic report ${s + 1}, paragraph ${k + 1}: ${pick(NAME_HEADS)}${pick(NAME_TAILS)} disputes over ${pick(TECHNOLOGIES)} continued.`,
    );
    const text = sentences.join(' ');
    const offsets: number[] = [];
    let at = 0;
    for (const sentence of sentences) {
      offsets.push(at);
      at += sentence.length + 1;
    }
    const id = add('source', [
      `synthetic-report-${s + 1}`,
      `Synthetic dispute report ${s + 1}`,
      'Conflict Explorer synthetic data',
      `20${10 + (s % 10)}-0${1 + (s % 9)}-1${s % 10}`,
      null,
      text,
      `synthetic-${seed}-${s}`,
    ]);
    return { id, sentences, offsets };
  });
  const cite = (subjectType: string, subjectId: number) => {
    const source = pick(sources);
    const k = int(0, sentencesPerSource - 1);
    add('citation', [subjectType, subjectId, source.id, source.sentences[k], source.offsets[k]]);
  };

  const authorityIds: number[] = [];
  for (let a = 0; a < Math.max(5, Math.ceil(companies / 50)); a++) {
    const kind = AUTHORITY_KINDS[a % AUTHORITY_KINDS.length];
    const [, country] = pick(CITIES);
    const id = add('party', [
      'AUTHORITY',
      `syn-authority-${a + 1}`,
      `${country} ${kind.toLowerCase()} ${a + 1}`,
      '[]',
      `A synthetic ${kind.toLowerCase()}`,
      null,
      null,
      kind,
      country,
    ]);
    authorityIds.push(id);
    cite('Authority', id);
  }

  const companyIds: number[] = [];
  const personIds: number[] = [];
  let rows = 0;
  for (let i = 0; i < companies; i++) {
    const name = `${pick(NAME_HEADS)}${pick(NAME_TAILS)} ${pick(INDUSTRIES)}`;
    const [city, country] = pick(CITIES);
    const aliases = JSON.stringify(chance(0.5) ? [name.split(' ')[0]] : [name.split(' ')[0], name.split(' ')[0].toUpperCase()]);
    const companyId = add('party', [
      'COMPANY',
      `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${i + 1}`,
      name,
      aliases,
      `A ${name.split(' ')[1].toLowerCase()} company based in ${city}`,
      city,
      country,
      null,
      null,
    ]);
    companyIds.push(companyId);
    cite('Company', companyId);

    if (chance(0.8)) {
      const personName = `${pick(GIVEN)} ${pick(FAMILY)}`;
      const personId = add('party', [
        'PERSON',
        `${personName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${i + 1}`,
        personName,
        '[]',
        `Executive at ${name}`,
        null,
        null,
        null,
        null,
      ]);
      personIds.push(personId);
      cite('Person', personId);
      const affiliationId = add('affiliation', [personId, companyId, pick(ROLES), chance(0.5) ? date() : null]);
      cite('Affiliation', affiliationId);
    }

    let challenged: number | null = null;
    if (chance(0.05)) {
      challenged = add('regulatory_action', [`syn-action-${i + 1}`, pick(authorityIds), companyId, `A synthetic regulatory decision against ${name}`, date()]);
      cite('RegulatoryAction', challenged);
    }

    // Suits this company brings, against earlier companies, authorities, or people.
    if (companyIds.length > 4 && chance(0.6)) {
      const challenge = challenged !== null && chance(0.5);
      const lawsuitId = add('lawsuit', [
        `syn-suit-${i + 1}`,
        `${name} v. rivals (${i + 1})`,
        challenge ? 'REGULATORY_CHALLENGE' : pick(KINDS),
        pick(STATUSES),
        date(),
        chance(0.5) ? `${pick(CITIES)[0]} District Court` : null,
        `A synthetic dispute brought by ${name}`,
        JSON.stringify(Array.from({ length: int(1, 4) }, () => pick(TECHNOLOGIES))),
        challenge ? challenged : null,
      ]);
      add('lawsuit_party', [lawsuitId, companyId, 'PLAINTIFF']);
      const defendants = new Set<number>();
      const opponents = int(1, 3);
      while (defendants.size < opponents) {
        const roll = int(0, 9);
        defendants.add(roll < 7 ? companyIds[int(0, companyIds.length - 2)] : roll < 9 || personIds.length === 0 ? pick(authorityIds) : pick(personIds));
      }
      for (const defendant of defendants) add('lawsuit_party', [lawsuitId, defendant, 'DEFENDANT']);
      cite('Lawsuit', lawsuitId);
    }

    if (chance(0.1)) {
      const sanctionId = add('sanction', [
        `syn-sanction-${i + 1}`,
        companyId,
        pick(authorityIds),
        `Synthetic sanctions on ${name}`,
        date(),
        chance(0.8) ? 'IN_EFFECT' : 'LIFTED',
      ]);
      cite('Sanction', sanctionId);
    }
    if (companyIds.length > 4 && chance(0.15)) {
      const negotiationId = add('licensing_negotiation', [
        `syn-talks-${i + 1}`,
        `Licensing of ${name} patents`,
        pick(['ONGOING', 'FAILED', 'CONCLUDED']),
        date(),
        null,
      ]);
      add('negotiation_party', [negotiationId, companyId]);
      add('negotiation_party', [negotiationId, companyIds[int(0, companyIds.length - 2)]]);
      cite('LicensingNegotiation', negotiationId);
    }
    if (chance(0.1)) {
      const statementId = add('statement', [`syn-statement-${i + 1}`, companyId, `${name} says it will defend its patents.`, date()]);
      cite('Statement', statementId);
    }
    if (chance(0.1)) {
      const eventId = add('event', [`syn-event-${i + 1}`, `${name} annual patent review`, date(), pick(CITIES)[0]]);
      add('event_participant', [eventId, companyId]);
      cite('Event', eventId);
    }

    if (pendingRows >= batchSize) {
      rows += pendingRows;
      await flush();
      options.onProgress?.(i + 1, rows);
    }
  }
  rows += pendingRows;
  await flush();
  // On PostgreSQL this moves the id sequences past the explicit ids just written.
  await writer.close();
  options.onProgress?.(companies, rows);
  return written;
}
