import type { ObjectLiteral } from 'typeorm';
import type { Loaders } from '../loaders/loaders';
import type { FactWrites } from '../writes/declarations';
import type { FactCues } from './cues';

/** A TypeORM entity class. */
export type EntityClass = abstract new () => ObjectLiteral;

/**
 * SQL the two dialects spell differently, for expressions a declaration writes (search text).
 */
export interface SqlFunctions {
  /** A simple-json string array (a text column) as its words separated by ' ; ', '' when empty. */
  jsonWords(expr: string): string;
}

/**
 * A table of link rows naming the parties of a fact (`lawsuit_party`): one row per party, with
 * the fact's id and, when the parties play different roles, a role column.
 */
export interface LinkTable {
  table: string;
  /** The column holding the fact's id. */
  factColumn: string;
  /** The column holding the party's id (`party_id` unless said otherwise). */
  partyColumn?: string;
  /** The column naming the party's role, when the link rows carry one. */
  roleColumn?: string;
}

/**
 * One role a party plays in a fact: a party-id column of the fact's own row
 * (`sanction.target_id`), or the fact's link rows (with this role, when they carry roles).
 */
export type Participant =
  | { role: string; column: string }
  | {
      role: string;
      link: LinkTable;
      roleValue?: string;
      /**
       * The asserting field whose statements list these parties (`plaintiffs`): an as-of read shows
       * a link row only where that field's value current then names its party.
       */
      field?: string;
    };

/**
 * A link of the conflict network that a fact makes between two of its participants, from the
 * active side (plaintiff, authority, person) to the other. Roles name entries of `participants`;
 * the same role twice links every pair of parties in it once (negotiations, rankings).
 */
export interface FactEdge {
  from: string;
  to: string;
  /** The edge kind (ConflictEdgeKind), or SQL computing it from the fact's row `f`. */
  kind: string | ((f: string) => string);
  /** Edge kinds this fact brings (value → description): they join ConflictEdgeKind. */
  declares?: Readonly<Record<string, string>>;
  /** SQL for the edge's label, from the fact's row `f`. */
  label: (f: string) => string;
  /** The column saying when the link began (null when the fact has none). */
  since?: string;
  /** The two ends are adversaries (`Party.adversaries`): one side sued, sanctioned or regulated the other. */
  adversarial?: boolean;
}

/** How a fact appears on the timeline: every row with a date is an entry. */
export interface FactTimeline {
  /** The column holding the fact's FuzzyDate. */
  date: string;
  /** The entry kind (TimelineEntryKind), or SQL computing it from the fact's row `f`. */
  kind: string | ((f: string) => string);
  /** Entry kinds this fact brings (value → description): they join TimelineEntryKind. */
  declares?: Readonly<Record<string, string>>;
  /** SQL for the entry's one-line title, from the fact's row `f`. */
  title: (f: string) => string;
}

/** How the rows of a table go into the full-text search index (see search.dialect.ts). */
export interface SearchDeclaration {
  table: string;
  /** Unique per table, < 16: index key = id * 16 + code, so a trigger finds a row's entry by key. */
  code: number;
  /** SQL for the GraphQL type name a hit leads to (`r` is the row: NEW., OLD. or the table). */
  type: (r: string) => string;
  /** SQL for the id of the node a hit leads to. */
  subjectId: (r: string) => string;
  /** Names and titles (weighted most). */
  name: (r: string, sql: SqlFunctions) => string;
  /** Body text. */
  body: (r: string, sql: SqlFunctions) => string;
  /** Quotes (weighted least). */
  quote: (r: string) => string;
}

/**
 * A field of every party (Company, Person, Authority) listing the facts of one type it is in
 * (`Company.sanctions`): the party module makes one from each declaration that has one.
 */
export interface PartyFactField {
  /** The field's name: `sanctions`. */
  name: string;
  description?: string;
  /** What the field lists (default: the fact's entity; a ranking's are its entries). */
  lists?: EntityClass;
  /** Its arguments: a type-graphql `@ArgsType()` class, whose values `load` gets. */
  args?: new () => object;
  /** The facts of one party, through the request's loaders (one query per batch of parties, not per party). */
  load(loaders: Loaders, partyId: number, args: any): Promise<readonly object[]>;
}

/**
 * Everything the graph-wide features need to know about one kind of fact, declared once in the
 * fact's own module (`<name>.fact.ts`). The network, path, adversaries, timeline and search SQL,
 * the node types and the entity list are derived from these declarations (src/facts.ts lists
 * them); nothing outside the module names the fact's tables.
 */
export interface FactType {
  /** The GraphQL (and global-ID) type name of a fact: `Lawsuit`. */
  typeName: string;
  /** The fact's TypeORM entity (also its GraphQL object type). */
  entity: EntityClass;
  /** Entities of its link rows (`LawsuitParty`), stored with it. */
  linkEntities?: EntityClass[];
  /** Link rows that are nodes of their own (`RankingEntry`), by GraphQL type name. */
  linkNodes?: Record<string, EntityClass>;
  /** Its table. */
  table: string;
  /** Whether `node(id)` loads it (a kinship is only ever seen from a person). */
  isNode?: boolean;
  /**
   * Its fields that assert something (statuses, dates, roles, counts, descriptions…), by document
   * field name (the GraphQL field's, except where noted): each non-null one has exactly one
   * provenance entry in a carefully sourced document (src/modules/field-statement/seed-says-who.test.ts checks the seed).
   */
  asserts: readonly string[];
  /** The same for items nested in it (a ranking's `entries`), by the document key of the list. */
  nestedAsserts?: Readonly<Record<string, readonly string[]>>;
  /** The roles parties play in it. */
  participants: Participant[];
  /** The network links it makes (none: it links nobody, e.g. a patent statistic). */
  edges?: FactEdge[];
  /** Its place on the timeline (none: it is not dated as an event). */
  timeline?: FactTimeline;
  /** Its text in the search index (none: not searchable by its own text). */
  search?: Omit<SearchDeclaration, 'table' | 'type' | 'subjectId'> & Partial<Pick<SearchDeclaration, 'type' | 'subjectId'>>;
  /** Its field on every party (none: a party does not list them, e.g. a kinship). */
  partyField?: PartyFactField;
  /** How it is written from a source document: its document key, rules and write (`<name>.writes.ts`). */
  writes?: FactWrites;
  /** How the drafting engine recognises it in a report's sentences (`<name>.cues.ts`). */
  cues?: FactCues;
}

/**
 * Adds the kinds the registry's facts declare (`declares` of their edges or timeline) to a GraphQL
 * enum's values, before it is registered; returns their descriptions for its `valuesConfig`.
 */
export function withDeclaredKinds(values: Record<string, string>, declared: readonly (Readonly<Record<string, string>> | undefined)[]) {
  const config: Record<string, { description: string }> = {};
  for (const [kind, description] of declared.flatMap((d) => Object.entries(d ?? {}))) {
    values[kind] = kind;
    config[kind] = { description };
  }
  return config;
}

/** SQL literal for a string constant. */
export const sqlString = (value: string) => `'${value.replace(/'/g, "''")}'`;
