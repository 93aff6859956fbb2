import { readFileSync, readdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { Model, defaultModel } from '@alephdata/followthemoney';
import type { DataSource } from 'typeorm';
import { SqlReader } from '../src/common/database/sql-reader';
import { exportCsv, exportFtm, exportJsonl, ftmChangedSince, newestChange, onSnapshot, rowsChangedSince } from '../src/modules/export/export.service';
import { SourceImportService } from '../src/modules/source-import/source-import.service';
import type { FtmEntity } from '../src/modules/export/ftm';
import { keysetPages } from '../src/modules/export/keyset';
import { storeTables } from '../src/modules/export/store-tables';
import { seedAll } from '../seeds/seed-all';
import { createBulkWriter } from '../seeds/synthetic/bulk-writer';
import { writeSyntheticGraph } from '../seeds/synthetic/synthetic-graph';
import { openTestDatabase, SEED_DOCUMENT_PATH } from './helpers';
import { withoutSaysWho } from '../bench/follow-up-report';

/** A Writable keeping what it is given, as lines. */
function collector(): { out: Writable; lines: () => string[] } {
  const chunks: string[] = [];
  const out = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { out, lines: () => chunks.join('').split('\n').filter(Boolean) };
}

async function ftmLines(dataSource: DataSource, since?: number): Promise<string[]> {
  const { out, lines } = collector();
  await onSnapshot(dataSource, (reader) => exportFtm(reader, out, since === undefined ? undefined : ftmChangedSince(since)));
  return lines();
}

const SEED = JSON.parse(readFileSync(SEED_DOCUMENT_PATH, 'utf8'));
/** The seed's two patent suits of Huawei against Verizon. */
const [SUIT, OTHER_SUIT] = SEED.lawsuits.filter((l: { kind: string }) => l.kind === 'PATENT_INFRINGEMENT').map((l: { slug: string }) => l.slug) as string[];
const SETTLED = 'Huawei and Verizon settled the first of the two patent suits out of court';
/** A later report that settles one suit: a statement added to one lawsuit, from a new source. */
function settlement() {
  const seed = structuredClone(SEED);
  const suit = withoutSaysWho(seed.lawsuits.find((item: { slug: string }) => item.slug === SUIT));
  return {
    source: {
      slug: '2021-01-05-export-test-settlement',
      title: 'One suit settled',
      publisher: 'Export Test Wire',
      publishedOn: '2021-01-05',
      text: `Export Test Wire, 5 January 2021. ${SETTLED}, the court was told.`,
    },
    lawsuits: [{ ...suit, status: 'SETTLED', quotes: [SETTLED], attribution: 'REPORTED', provenance: { status: { basis: 'STATED', quotes: [SETTLED] } } }],
  };
}

const model = new Model(defaultModel);
const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/**
 * Every problem of a FollowTheMoney export against the FtM schema definitions of
 * @alephdata/followthemoney: unknown or abstract schemata, properties the schema does not have
 * (or only has as a reverse stub), values that are not strings or too long, required properties
 * missing, malformed dates and countries, duplicate ids, and entity references that name no
 * exported entity or one outside the property's range.
 */
function ftmProblems(entities: FtmEntity[]): string[] {
  const problems: string[] = [];
  const byId = new Map<string, FtmEntity>();
  for (const e of entities) {
    if (byId.has(e.id)) problems.push(`${e.id}: duplicate id`);
    byId.set(e.id, e);
    if (typeof e.id !== 'string' || e.id.length === 0 || e.id.length > 200) problems.push(`${e.id}: bad id`);
  }
  for (const e of entities) {
    const schema = model.schemata[e.schema];
    if (!schema) {
      problems.push(`${e.id}: no schema ${e.schema}`);
      continue;
    }
    if (schema.abstract) problems.push(`${e.id}: ${e.schema} is abstract`);
    for (const required of schema.required) if (!e.properties[required]?.length) problems.push(`${e.id}: ${e.schema} requires ${required}`);
    for (const [name, values] of Object.entries(e.properties)) {
      if (!schema.hasProperty(name)) {
        problems.push(`${e.id}: ${e.schema} has no property ${name}`);
        continue;
      }
      const property = schema.getProperty(name);
      if (property.stub) problems.push(`${e.id}: ${e.schema}.${name} is a reverse stub`);
      if (!Array.isArray(values) || values.length === 0) problems.push(`${e.id}: ${name} is not a non-empty list`);
      for (const value of values) {
        if (typeof value !== 'string' || value.length === 0) {
          problems.push(`${e.id}: ${name} has a value that is not a non-empty string`);
          continue;
        }
        if (value.length > property.maxLength) problems.push(`${e.id}: ${name} longer than ${property.maxLength}`);
        if (property.type.name === 'date' && !ISO_DATE.test(value)) problems.push(`${e.id}: ${name} ${value} is not a date`);
        if (property.type.name === 'country' && !property.type.values.has(value)) problems.push(`${e.id}: ${name} ${value} is not a country`);
        if (property.type.isEntity) {
          const target = byId.get(value);
          if (!target) problems.push(`${e.id}: ${name} → ${value} names no exported entity`);
          else if (property.hasRange && !model.getSchema(target.schema).isA(property.getRange()))
            problems.push(`${e.id}: ${name} → ${target.schema} is not a ${property.getRange().name}`);
        }
      }
    }
  }
  return problems;
}

describe('exports', () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = await openTestDatabase();
    await seedAll(dataSource);
  });
  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('writes FollowTheMoney entities that are valid against the FtM schema definitions', async () => {
    const entities = (await ftmLines(dataSource)).map((line) => JSON.parse(line) as FtmEntity);
    expect(ftmProblems(entities)).toEqual([]);
    const schemata = new Set(entities.map((e) => e.schema));
    for (const expected of [
      'Document',
      'Company',
      'Person',
      'PublicBody',
      'CourtCase',
      'CourtCaseParty',
      'Sanction',
      'Event',
      'Directorship',
      'Family',
      'Documentation',
    ])
      expect(schemata).toContain(expected);
    // The checker finds what it is meant to find.
    const broken = entities.map((e) => structuredClone(e));
    const party = broken.find((e) => e.schema === 'CourtCaseParty')!;
    party.properties.party = ['ce-party-nobody'];
    broken.find((e) => e.schema === 'Company')!.properties.fileDate = ['2020'];
    delete broken.find((e) => e.schema === 'Sanction')!.properties.entity;
    broken.find((e) => e.schema === 'Family')!.properties.person = [broken.find((e) => e.schema === 'Document')!.id];
    const problems = ftmProblems(broken);
    expect(problems).toHaveLength(4);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/has no property fileDate/),
        expect.stringMatching(/Sanction requires entity/),
        expect.stringMatching(/party → ce-party-nobody names no exported entity/),
        expect.stringMatching(/person → Document is not a Person/),
      ]),
    );
  });

  it('keeps each fact’s sources: Documents, proof, and per-source Documentation of the fields stated', async () => {
    const entities = (await ftmLines(dataSource)).map((line) => JSON.parse(line) as FtmEntity);
    const huawei = entities.find((e) => e.id === 'ce-party-huawei')!;
    expect(huawei.schema).toBe('Company');
    expect(huawei.properties.publisher).toEqual(['Bloomberg LP']);
    const [documentId] = huawei.properties.proof;
    expect(entities.find((e) => e.id === documentId)?.schema).toBe('Document');
    const documentation = entities.filter((e) => e.schema === 'Documentation' && e.properties.entity[0] === huawei.id);
    expect(documentation).toHaveLength(1);
    expect(documentation[0].properties.role[0]).toMatch(/^states .*headquarters/);
    expect(documentation[0].properties.summary[0]).toContain('Shenzhen-based Huawei');
    // A suit and its sides.
    const suit = entities.find((e) => e.schema === 'CourtCase' && e.id === `ce-lawsuit-${SUIT}`)!;
    expect(suit.properties.status).toBeDefined();
    const sides = entities.filter((e) => e.schema === 'CourtCaseParty' && e.properties.case[0] === suit.id);
    expect(sides.map((s) => [s.properties.party[0], s.properties.role[0]]).sort()).toEqual([
      ['ce-party-huawei', 'PLAINTIFF'],
      ['ce-party-verizon', 'DEFENDANT'],
    ]);
    // Kinship: Meng Wanzhou is Ren Zhengfei's eldest daughter, so he is her parent.
    const family = entities.find((e) => e.schema === 'Family')!;
    expect(family.properties).toMatchObject({ person: ['ce-party-meng-wanzhou'], relative: ['ce-party-ren-zhengfei'], relationship: ['parent of'] });
  });

  it('gives the same ids and lines on every run', async () => {
    const first = await ftmLines(dataSource);
    const second = await ftmLines(dataSource);
    expect(second).toEqual(first);
  });

  it('dumps every row of the store’s own types as JSON lines and CSV, derived from the registry', async () => {
    const tables = storeTables(dataSource);
    const reader = new SqlReader(dataSource);
    const expected: Record<string, number> = {};
    for (const table of tables) {
      const where = table.conditions.length ? ` WHERE ${table.conditions.join(' AND ')}` : '';
      const [{ n }] = await reader.query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM "${table.table}"${where}`, []);
      expected[table.type] = Number(n);
    }
    const { out, lines } = collector();
    const counts = await onSnapshot(dataSource, (snapshot) => exportJsonl(dataSource, snapshot, out));
    expect(counts.byType).toEqual(Object.fromEntries(Object.entries(expected).filter(([, n]) => n > 0)));
    const rows = lines().map((line) => JSON.parse(line));
    expect(rows).toHaveLength(counts.total);
    const lawsuit = rows.find((row) => row.type === 'Lawsuit');
    expect(Array.isArray(lawsuit.technologies)).toBe(true);
    expect(rows.find((row) => row.type === 'Company' && row.slug === 'huawei')).toMatchObject({
      name: 'Huawei Technologies',
      aliases: ['Huawei'],
      country: 'CN',
    });
    expect(new Set(rows.map((row) => row.type))).toEqual(new Set(Object.keys(counts.byType)));

    const directory = mkdtempSync(path.join(os.tmpdir(), 'export-csv-'));
    const csv = await onSnapshot(dataSource, (snapshot) => exportCsv(dataSource, snapshot, directory));
    expect(csv.byType).toEqual(expected);
    expect(readdirSync(directory).sort()).toEqual(tables.map((t) => `${t.type}.csv`).sort());
    const company = readFileSync(path.join(directory, 'Company.csv'), 'utf8').split('\n');
    expect(company[0]).toBe('id,slug,name,aliases,description,headquarters,country');
    expect(company.find((line) => line.includes(',huawei,'))).toContain('"[""Huawei""]"');
  });

  it('reads a table a keyset page at a time, every row once', async () => {
    const reader = new SqlReader(dataSource);
    const pages: number[][] = [];
    for await (const page of keysetPages<{ id: number }>(reader, 'citation', [], [], { pageSize: 7 })) pages.push(page.map((row) => Number(row.id)));
    const ids = pages.flat();
    const [{ n }] = await reader.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM citation', []);
    expect(ids).toHaveLength(Number(n));
    expect(new Set(ids).size).toBe(ids.length);
    expect(pages.length).toBe(Math.ceil(Number(n) / 7));
    expect(Math.max(...pages.map((p) => p.length))).toBe(7);
  });

  it('exports a synthetic store as valid FtM too', async () => {
    const synthetic = await openTestDatabase();
    try {
      await writeSyntheticGraph(createBulkWriter(synthetic), { companies: 60 });
      const entities = (await ftmLines(synthetic)).map((line) => JSON.parse(line) as FtmEntity);
      expect(entities.length).toBeGreaterThan(400);
      expect(ftmProblems(entities)).toEqual([]);
    } finally {
      await synthetic.destroy();
    }
  });

  it('exports only what changed after a cursor with --since, and nothing when nothing changed', async () => {
    const before = await onSnapshot(dataSource, (reader) => newestChange(reader));
    expect(await ftmLines(dataSource, before)).toEqual([]);
    await new SourceImportService(dataSource).import(settlement() as never, { actor: { name: 'cli:import', keyId: null, role: null, action: 'cli:import' } });
    const entities = (await ftmLines(dataSource, before)).map((line) => JSON.parse(line) as FtmEntity);
    const ids = new Set(entities.map((e) => e.id));
    expect(ids).toContain(`ce-lawsuit-${SUIT}`);
    expect(ids).toContain('ce-source-2021-01-05-export-test-settlement');
    expect(ids).not.toContain(`ce-lawsuit-${OTHER_SUIT}`);
    expect(ids).not.toContain('ce-party-huawei');
    expect(entities.find((e) => e.id === `ce-lawsuit-${SUIT}`)!.properties.status).toEqual(['SETTLED']);
    // The case's sides come with it; a Documentation names the new source.
    expect(entities.filter((e) => e.schema === 'CourtCaseParty')).toHaveLength(2);
    expect(
      entities.some(
        (e) =>
          e.schema === 'Documentation' && e.properties.document[0] === 'ce-source-2021-01-05-export-test-settlement' && /status/.test(e.properties.role[0]),
      ),
    ).toBe(true);
    const { out, lines } = collector();
    const counts = await onSnapshot(dataSource, (reader) => exportJsonl(dataSource, reader, out, rowsChangedSince(before)));
    expect(counts.byType.Lawsuit).toBe(1);
    expect(counts.byType.LawsuitParty).toBe(2);
    expect(counts.byType.Company ?? 0).toBe(0);
    expect(
      lines()
        .map((line) => JSON.parse(line))
        .find((row) => row.type === 'FieldStatement' && row.value === '"SETTLED"'),
    ).toBeDefined();
  });

  it('names the ids an entity had under its former slugs as its referents', async () => {
    const [{ id }] = await dataSource.query(`SELECT id FROM party WHERE slug = 'huawei'`);
    await dataSource.query(
      `INSERT INTO former_identifier (table_name, former_slug, former_id, current_id, reason, recorded_at, recorded_by) VALUES ('party', 'huawei-old-name', NULL, ${Number(id)}, 'renamed', '2026-01-01T00:00:00.000Z', 'test')`,
    );
    const entities = (await ftmLines(dataSource)).map((line) => JSON.parse(line) as FtmEntity);
    expect(entities.find((e) => e.id === 'ce-party-huawei')!.referents).toEqual(['ce-party-huawei-old-name']);
    // The seed's own corrections renamed rows too: each old id is a referent, and none is an id of today.
    const ids = new Set(entities.map((e) => e.id));
    const referents = entities.flatMap((e) => e.referents ?? []);
    const [{ n }] = await dataSource.query(
      `SELECT COUNT(DISTINCT table_name || ':' || former_slug) AS n FROM former_identifier WHERE former_slug IS NOT NULL AND table_name IN ('source', 'party', 'lawsuit', 'sanction', 'event', 'regulatory_action', 'licensing_negotiation', 'dispute', 'statement')`,
    );
    expect(referents).toHaveLength(Number(n));
    expect(referents.filter((r) => ids.has(r))).toEqual([]);
    expect(ftmProblems(entities)).toEqual([]);
  });
});
