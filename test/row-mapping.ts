import { ChildEntity, Column, DataSource, Entity, PrimaryGeneratedColumn, TableInheritance, type ValueTransformer } from 'typeorm';
import { SnakeNamingStrategy } from '../src/common/naming-strategy';
import { SqlReader } from '../src/common/database/sql-reader';
import { entities } from '../src/entities';
import { Draft, DraftItem, DraftItemKind, DraftItemStatus, DraftMention, DraftStatus, MentionDecision } from '../src/modules/draft/draft.entity';
import { ApiKeyService } from '../src/modules/api-key/api-key.service';
import { Role } from '../src/common/role.enum';
import { PartyDecision, PartyDecisionKind } from '../src/modules/identity/party-decision.entity';
import { WebhookDelivery, WebhookDeliveryStatus, WebhookFilter } from '../src/modules/webhook/webhook.entity';
import { WebhookService } from '../src/modules/webhook/webhook.service';

/**
 * What the row-mapping tests share (the unit one on in-memory SQLite, `src/common/database/
 * sql-reader.test.ts`, and the integration one on the suite's database, `test/row-mapper.suite.ts`):
 * every entity read both ways, and probe entities with the column kinds our entities do not use
 * (booleans, dates, a list of transformers, simple-array, simple-enum, reals) on both dialects.
 */

/** Every nullable column of the first row of each table set to NULL, so mapping nulls is checked for every column that can hold one. */
export async function nullFirstRows(dataSource: DataSource): Promise<void> {
  for (const metadata of dataSource.entityMetadatas) {
    if (metadata.parentEntityMetadata) continue; // the table is its parent's
    const nullable = [...new Set(metadata.columns.filter((c) => c.isNullable && !c.isPrimary && !c.isDiscriminator).map((c) => c.databaseName))];
    if (!nullable.length) continue;
    const [first] = await dataSource.query(`SELECT MIN(id) AS id FROM "${metadata.tableName}"`);
    if (first?.id == null) continue;
    await dataSource.query(`UPDATE "${metadata.tableName}" SET ${nullable.map((c) => `"${c}" = NULL`).join(', ')} WHERE id = ${Number(first.id)}`);
  }
}

/** A row in each table seeding leaves empty (an API key, an editor's decision about two parties, a webhook and a delivery), so every entity is compared on rows. */
export async function addRowsSeedingLacks(dataSource: DataSource): Promise<void> {
  await dataSource.transaction((manager) => new ApiKeyService(dataSource).create(manager, 'row-mapping', Role.VIEWER));
  const [first, second] = await dataSource.query(`SELECT id FROM party ORDER BY id LIMIT 2`);
  await dataSource.getRepository(PartyDecision).insert({
    kind: PartyDecisionKind.NOT_SAME,
    partyId: Number(first.id),
    otherPartyId: Number(second.id),
    absorbedSlug: null,
    absorbedName: null,
    absorbedId: null,
    reason: 'row mapping',
    decidedBy: 'row-mapping',
    decidedAt: '2026-12-05T00:00:00.000Z',
  });
  const { webhook } = await dataSource.transaction((manager) =>
    new WebhookService({ allowHttp: false, allowedNetworks: [] }).create(
      manager,
      'https://hooks.example/row-mapping',
      Object.assign(new WebhookFilter(), { parties: ['huawei'], disputes: [], kinds: [], types: [] }),
      'row-mapping',
    ),
  );
  await dataSource.getRepository(WebhookDelivery).insert({
    webhookId: webhook.id,
    idempotencyKey: 'row-mapping-key',
    status: WebhookDeliveryStatus.PENDING,
    attempts: 0,
    changeCount: 1,
    payload: '{}',
    createdAt: '2026-12-05T00:00:00.000Z',
    nextAttemptAt: '2026-12-05T00:00:00.000Z',
    lockedUntil: null,
    lastAttemptAt: null,
    deliveredAt: null,
    lastError: null,
    responseStatus: null,
  });
  // A draft with one item and one name, their optional columns null.
  const [source] = await dataSource.query(`SELECT id FROM source ORDER BY id LIMIT 1`);
  const draft = await dataSource.getRepository(Draft).save({
    sourceId: Number(source.id),
    status: DraftStatus.OPEN,
    createdAt: '2026-12-05T00:00:00.000Z',
    createdBy: 'row-mapping',
    source: { slug: 's', title: 't', publisher: 'p', publishedOn: '2020-02-06', url: null },
    dates: [{ phrase: 'a year ago', start: 0, end: 10, date: '2019-02~', note: 'n' }],
    extractionMs: 1,
  });
  await dataSource.getRepository(DraftItem).insert({
    draftId: draft.id,
    key: 'i1',
    kind: DraftItemKind.NEW,
    status: DraftItemStatus.PENDING,
    typeName: 'Lawsuit',
    documentKey: 'lawsuits',
    cue: 'lawsuit.sued',
    quote: 'q',
    start: 0,
    end: 1,
    entry: { slug: 'x' },
    targetSlug: null,
    targetStatus: null,
    reason: null,
    decidedBy: null,
    decidedAt: null,
  });
  await dataSource.getRepository(DraftMention).insert({
    draftId: draft.id,
    key: 'm1',
    name: 'Huawei',
    spans: [{ start: 0, end: 6 }],
    kind: 'COMPANY',
    slug: 'huawei',
    linked: null,
    alternatives: [],
    decision: MentionDecision.SUGGESTED,
  });
}

export interface Compared {
  entity: string;
  rows: number;
  mapped: object[];
  found: object[];
}

/** For each entity type, its rows in primary-key order as SqlReader maps them and as TypeORM's `find` returns them. */
export async function readBothWays(dataSource: DataSource, types: Function[] = entities): Promise<Compared[]> {
  const reader = new SqlReader(dataSource);
  const compared: Compared[] = [];
  for (const type of types) {
    // In primary-key order: most rows have an `id`, link rows of the change feed a composite key.
    const keys = dataSource.getMetadata(type).primaryColumns;
    const found = await dataSource.getRepository(type).find({ order: Object.fromEntries(keys.map((k) => [k.propertyName, 'ASC'])) } as never);
    const mapped = await reader.select(type, [], [], `ORDER BY ${keys.map((k) => k.databaseName).join(', ')}`);
    compared.push({ entity: type.name, rows: found.length, mapped, found });
  }
  return compared;
}

/** As TypeORM's own `find` reads it, a row's value is kept, whatever transformers do with it. */
const upper: ValueTransformer = { to: (v: string | null) => v?.toLowerCase() ?? null, from: (v: string | null) => (v == null ? 'was null' : v.toUpperCase()) };
const exclaim: ValueTransformer = { to: (v: string | null) => v?.replace(/!$/, '') ?? null, from: (v: string | null) => `${v}!` };

export enum ProbeColour {
  RED = 'red',
  GREEN = 'green',
}

@Entity('row_mapper_probe')
@TableInheritance({ column: { type: 'varchar', name: 'probe_kind', length: 8 } })
export class Probe {
  @PrimaryGeneratedColumn()
  id: number;

  @Column()
  flag: boolean;

  @Column({ type: Boolean, nullable: true })
  maybeFlag: boolean | null;

  @Column()
  at: Date;

  @Column('date', { nullable: true })
  day: string | null;

  @Column('simple-array')
  tags: string[];

  @Column('simple-json', { nullable: true })
  extra: { a: number[] } | null;

  @Column('simple-enum', { enum: ProbeColour })
  colour: ProbeColour;

  /** Two transformers: TypeORM applies the last one first when reading. */
  @Column('varchar', { nullable: true, transformer: [upper, exclaim] })
  shout: string | null;

  @Column('real', { nullable: true })
  ratio: number | null;

  @Column({ nullable: true })
  count: number;
}

@ChildEntity('small')
export class SmallProbe extends Probe {
  @Column('varchar', { nullable: true })
  size: string | null;
}

@ChildEntity('big')
export class BigProbe extends Probe {
  @Column('integer', { nullable: true })
  weight: number | null;
}

export const probeEntities = [Probe, SmallProbe, BigProbe];

/** A DataSource with only the probe entities, its table created by TypeORM, and rows of each kind. */
export async function openProbeDatabase(options: { type: 'better-sqlite3'; database: string } | { type: 'postgres'; url: string }): Promise<DataSource> {
  const dataSource = new DataSource({ ...options, entities: probeEntities, namingStrategy: new SnakeNamingStrategy(), synchronize: true });
  await dataSource.initialize();
  const at = new Date('2020-02-06T12:34:56.789Z');
  await dataSource.getRepository(SmallProbe).save([
    {
      flag: true,
      maybeFlag: null,
      at,
      day: '2020-02-06',
      tags: ['a', 'b'],
      extra: { a: [1, 2] },
      colour: ProbeColour.RED,
      shout: 'hi',
      ratio: 0.5,
      count: 3,
      size: 'S',
    },
    {
      flag: false,
      maybeFlag: false,
      at,
      day: null,
      tags: [],
      extra: null,
      colour: ProbeColour.GREEN,
      shout: null,
      ratio: null,
      count: null as unknown as number,
      size: null,
    },
  ]);
  await dataSource.getRepository(BigProbe).save([
    {
      flag: false,
      maybeFlag: true,
      at,
      day: '1999-12-31',
      tags: ['x'],
      extra: { a: [] },
      colour: ProbeColour.GREEN,
      shout: 'Yo',
      ratio: -2.25,
      count: 0,
      weight: 70,
    },
  ]);
  await dataSource
    .getRepository(Probe)
    .save([{ flag: true, maybeFlag: null, at, day: null, tags: ['only'], extra: null, colour: ProbeColour.RED, shout: 'base', ratio: 1, count: 1 }]);
  return dataSource;
}

/**
 * The same rows, each of the same class with the same values. TypeORM builds an entity with its
 * constructor, so a declared property it does not read (a relation: `party?: PartyEntity`) is an
 * own property holding undefined; SqlReader leaves it out. No field of the schema can tell them
 * apart, so undefined properties are not compared (toEqual's rule), everything else is.
 */
export function expectSameEntities(entity: string, mapped: object[], found: object[]): void {
  expect({ entity, classes: mapped.map((row) => Object.getPrototypeOf(row)) }).toEqual({ entity, classes: found.map((row) => Object.getPrototypeOf(row)) });
  expect({ entity, mapped }).toEqual({ entity, mapped: found });
  const defined = (row: object) =>
    Object.keys(row)
      .filter((key) => (row as Record<string, unknown>)[key] !== undefined)
      .sort();
  expect({ entity, keys: mapped.map(defined) }).toEqual({ entity, keys: found.map(defined) });
}
