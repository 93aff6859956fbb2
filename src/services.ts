import type { Database } from './database';
import { SqlReader } from './common/database/sql-reader';
import { PartyService } from './modules/party/party.service';
import { SourceService } from './modules/source/source.service';
import { NodeService } from './common/node/node.service';
import { CatalogService } from './common/catalog.service';
import { ApiKeyService } from './modules/api-key/api-key.service';
import { AuditService } from './modules/audit/audit.service';
import { SearchService } from './modules/search/search.service';
import { searchDialect } from './modules/search/search.dialect';
import { TimelineService } from './modules/timeline/timeline.service';
import { NetworkService } from './modules/network/network.service';
import { AttributionService } from './modules/attribution/attribution.service';
import { IdentityService } from './modules/identity/identity.service';

export interface Services {
  /** The fast read path, shared by services and every request's loaders (replicas when there are any). */
  sqlReader: SqlReader;
  /** The same on the primary, for mutations reading what they wrote (the same reader without replicas). */
  primaryReader: SqlReader;
  catalog: CatalogService;
  parties: PartyService;
  sources: SourceService;
  nodes: NodeService;
  apiKeys: ApiKeyService;
  audit: AuditService;
  search: SearchService;
  timeline: TimelineService;
  network: NetworkService;
  attribution: AttributionService;
  identity: IdentityService;
  database: Database;
}

export function createServices(database: Database): Services {
  const dataSource = database.reader;
  const sqlReader = new SqlReader(dataSource, 'slave', database.readPool);
  const replicated = dataSource.options.type === 'postgres' && Boolean(dataSource.options.replication);
  const primaryReader = replicated ? new SqlReader(dataSource, 'master', database.readPool) : sqlReader;
  return {
    sqlReader,
    primaryReader,
    catalog: new CatalogService(),
    parties: new PartyService(),
    sources: new SourceService(),
    nodes: new NodeService(),
    apiKeys: new ApiKeyService(dataSource, primaryReader),
    audit: new AuditService(),
    search: new SearchService(searchDialect(dataSource)),
    timeline: new TimelineService(),
    network: new NetworkService(),
    attribution: new AttributionService(),
    identity: new IdentityService(),
    database,
  };
}
