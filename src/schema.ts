import 'reflect-metadata';
import { isAbstractType, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type BuildSchemaOptions } from 'type-graphql';
import { callFieldResolversDirectly } from './common/direct-field-resolvers';
import { NodeResolver } from './common/node/node.resolver';
import { FieldProvenanceResolver, FieldStatementResolver, SaysWhoResolver } from './modules/attribution/attribution.resolver';
import { DisputeResolver, DisputeSideResolver } from './modules/dispute/dispute.resolver';
import { AuthorityResolver } from './modules/authority/authority.resolver';
import { CompanyResolver } from './modules/company/company.resolver';
import { EventResolver } from './modules/event/event.resolver';
import { LawsuitResolver } from './modules/lawsuit/lawsuit.resolver';
import { LicensingNegotiationResolver } from './modules/negotiation/licensing-negotiation.resolver';
import { CharacterizationResolver } from './modules/party/characterization.resolver';
import { PatentStatResolver } from './modules/patent-stat/patent-stat.resolver';
import { AffiliationResolver, KinshipResolver, PersonResolver } from './modules/person/person.resolver';
import { RankingEntryResolver, RankingResolver } from './modules/ranking/ranking.resolver';
import { RegulatoryActionResolver } from './modules/regulatory-action/regulatory-action.resolver';
import { SanctionResolver } from './modules/sanction/sanction.resolver';
import { CitationResolver, CitedResolver, SourceResolver } from './modules/source/source.resolver';
import { StatementResolver } from './modules/statement/statement.resolver';
import { nodeEntities } from './entities';
import { validateArgs } from './common/validate-args';
import { authChecker } from './common/auth';
import { ApiKeyResolver } from './modules/api-key/api-key.resolver';
import { AuditResolver } from './modules/audit/audit.resolver';
import { SearchResolver } from './modules/search/search.resolver';
import { TimelineResolver } from './modules/timeline/timeline.resolver';
import { ConflictEdgeResolver, NetworkResolver } from './modules/network/network.resolver';
import { DraftResolver } from './modules/draft/draft.resolver';

export const resolvers = [
  NodeResolver,
  CompanyResolver,
  PersonResolver,
  AffiliationResolver,
  KinshipResolver,
  AuthorityResolver,
  CharacterizationResolver,
  LawsuitResolver,
  SanctionResolver,
  RegulatoryActionResolver,
  LicensingNegotiationResolver,
  PatentStatResolver,
  RankingResolver,
  RankingEntryResolver,
  StatementResolver,
  EventResolver,
  SourceResolver,
  CitationResolver,
  CitedResolver,
  SaysWhoResolver,
  FieldProvenanceResolver,
  FieldStatementResolver,
  DisputeResolver,
  DisputeSideResolver,
  ApiKeyResolver,
  AuditResolver,
  SearchResolver,
  TimelineResolver,
  NetworkResolver,
  ConflictEdgeResolver,
  DraftResolver,
] as const;

export async function buildAppSchema(): Promise<GraphQLSchema> {
  const options: BuildSchemaOptions = {
    resolvers,
    // Node types reachable only through `node(id)` must still be in the schema.
    orphanedTypes: Object.values(nodeEntities),
    validateFn: validateArgs,
    // `@Authorized(Role.X)`: checked for every field that has it, however the field is reached.
    authChecker,
  };
  const schema = await buildSchema(options);
  // Every abstract type here (Node, Cited, Party) is resolved by the object's `nodeType`.
  // type-graphql wraps resolveType in an async function, which graphql-jit cannot call; this
  // synchronous one gives the same answer.
  for (const type of Object.values(schema.getTypeMap())) {
    if (isAbstractType(type)) type.resolveType = (value: { nodeType?: string }) => value.nodeType;
  }
  callFieldResolversDirectly(schema, options);
  return schema;
}

const HEADER = '# Emitted by `npm run schema` from the type-graphql classes in src/. Do not edit by hand.\n\n';

/** The SDL committed as schema/schema.graphql. */
export async function printAppSchema(): Promise<string> {
  return HEADER + printSchema(await buildAppSchema()) + '\n';
}
