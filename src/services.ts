import type { DataSource } from 'typeorm';
import { SqlReader } from './common/database/sql-reader';
import { LawsuitService } from './modules/lawsuit/lawsuit.service';
import { PartyService } from './modules/party/party.service';
import { SourceService } from './modules/source/source.service';
import { NodeService } from './common/node/node.service';
import { CatalogService } from './common/catalog.service';

export interface Services {
  /** The fast read path, shared by services and every request's loaders. */
  reader: SqlReader;
  catalog: CatalogService;
  parties: PartyService;
  lawsuits: LawsuitService;
  sources: SourceService;
  nodes: NodeService;
}

export function createServices(dataSource: DataSource): Services {
  const reader = new SqlReader(dataSource);
  return {
    reader,
    catalog: new CatalogService(dataSource, reader),
    parties: new PartyService(),
    lawsuits: new LawsuitService(reader),
    sources: new SourceService(dataSource),
    nodes: new NodeService(),
  };
}
