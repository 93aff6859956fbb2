import type { DataSource } from 'typeorm';
import { LawsuitService } from './modules/lawsuit/lawsuit.service';
import { PartyService } from './modules/party/party.service';
import { SourceService } from './modules/source/source.service';
import { NodeService } from './common/node/node.service';
import { CatalogService } from './common/catalog.service';

export interface Services {
  catalog: CatalogService;
  parties: PartyService;
  lawsuits: LawsuitService;
  sources: SourceService;
  nodes: NodeService;
}

export function createServices(dataSource: DataSource): Services {
  return {
    catalog: new CatalogService(dataSource),
    parties: new PartyService(),
    lawsuits: new LawsuitService(dataSource),
    sources: new SourceService(dataSource),
    nodes: new NodeService(),
  };
}
