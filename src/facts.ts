import { Index } from 'typeorm';
import { timelineIndexName } from './common/facts/fact-sql';
import { sqlString, type EntityClass, type FactType, type SearchDeclaration } from './common/facts/fact-type';
import { disputeFact } from './modules/dispute/dispute.fact';
import { setGroupableFacts } from './modules/dispute/dispute.writes';
import { setChangeFacts } from './modules/change/change-recorder';
import { eventFact } from './modules/event/event.fact';
import { lawsuitFact } from './modules/lawsuit/lawsuit.fact';
import { negotiationFact } from './modules/negotiation/negotiation.fact';
import { characterizationFact } from './modules/party/characterization.fact';
import { partyAsserts } from './modules/party/party.asserts';
import { partySearch } from './modules/party/party.search';
import { patentStatFact } from './modules/patent-stat/patent-stat.fact';
import { affiliationFact } from './modules/person/affiliation.fact';
import { kinshipFact } from './modules/person/kinship.fact';
import { rankingFact } from './modules/ranking/ranking.fact';
import { regulatoryActionFact } from './modules/regulatory-action/regulatory-action.fact';
import { sanctionFact } from './modules/sanction/sanction.fact';
import { citationSearch, sourceSearch } from './modules/source/source.search';
import { statementFact } from './modules/statement/statement.fact';

/**
 * Every kind of fact, each declared in its own module. The network, path, adversaries, timeline
 * and search SQL, the entity list and the node types are derived from this list: a fact type
 * added here is in all of them.
 */
const registry = [
  characterizationFact,
  affiliationFact,
  kinshipFact,
  regulatoryActionFact,
  lawsuitFact,
  sanctionFact,
  negotiationFact,
  patentStatFact,
  rankingFact,
  statementFact,
  eventFact,
  disputeFact,
] as const;
export const factTypes: readonly FactType[] = registry;
/** The declarations with their own types: a source document's keys and item types come from them (source-document.ts). */
export type RegisteredFactTypes = typeof registry;
setGroupableFacts(factTypes);
setChangeFacts(factTypes);

// The timeline's index on each dated fact table (timelineIndexesSql; created by a migration): an
// expression index TypeORM cannot build, declared on the entity so its schema check keeps it.
for (const { entity, table, timeline } of factTypes) {
  if (timeline) Index(timelineIndexName(table), { synchronize: false })(entity);
}

/** Entities of the facts and their link rows. */
export const factEntities: EntityClass[] = factTypes.flatMap((fact) => [fact.entity, ...(fact.linkEntities ?? [])]);

/** The fact types `node(id)` loads, by GraphQL type name. */
export const factNodeEntities: Record<string, EntityClass> = Object.fromEntries(
  factTypes.flatMap((fact) => [...(fact.isNode === false ? [] : [[fact.typeName, fact.entity]]), ...Object.entries(fact.linkNodes ?? {})]),
);

/** Every table in the full-text search index: parties, the searchable facts, sources and quotes. */
export const searchedTables: readonly SearchDeclaration[] = [
  partySearch,
  ...factTypes
    .filter((fact) => fact.search)
    .map(({ typeName, table, search }) => ({ type: () => sqlString(typeName), subjectId: (r: string) => `${r}.id`, ...search!, table })),
  sourceSearch,
  citationSearch,
];

/**
 * The fields of a cited object that assert something, by its node type (a fact's, a ranking
 * entry's, a party's), or null for a type that is not cited.
 */
export function assertsOf(nodeType: string): readonly string[] | null {
  const fact = factTypes.find((f) => f.typeName === nodeType);
  if (fact) return fact.asserts;
  if (nodeType === 'RankingEntry') return rankingFact.nestedAsserts!.entries;
  return partyAsserts[nodeType.toUpperCase()] ?? null;
}

/** The entity of a fact's rows by its type name (null: not a fact of the registry, e.g. a party). */
export function factEntityOf(nodeType: string): EntityClass | null {
  return factTypes.find((f) => f.typeName === nodeType)?.entity ?? null;
}
