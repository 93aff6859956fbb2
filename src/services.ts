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
import { ChangeService } from './modules/change/changes.service';
import { ChangeHub } from './modules/change/change-hub';
import { IdentityService } from './modules/identity/identity.service';
import { WebhookService } from './modules/webhook/webhook.service';
import type { AddressPolicy } from './modules/webhook/address-policy';

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
  changes: ChangeService;
  /** Live changes for subscriptions, fed by the server (src/server/change-bus.ts). */
  changeHub: ChangeHub;
  identity: IdentityService;
  webhooks: WebhookService;
  database: Database;
}

/** @param webhookPolicy where webhooks may point (WEBHOOK_ALLOW_HTTP, WEBHOOK_ALLOW_NETWORKS); by default https to public addresses only. */
export function createServices(database: Database, webhookPolicy: AddressPolicy = { allowHttp: false, allowedNetworks: [] }): Services {
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
    changes: new ChangeService(),
    changeHub: new ChangeHub(),
    identity: new IdentityService(),
    webhooks: new WebhookService(webhookPolicy),
    database,
  };
}
