import type { DataSource } from 'typeorm';
import { Loaders } from './common/loaders/loaders';
import { createServices, type Services } from './services';

/** What every resolver gets: this request's loaders and the app's services. */
export interface RequestContext {
  requestId: string;
  loaders: Loaders;
  services: Services;
}

export function createContextFactory(dataSource: DataSource) {
  const services = createServices(dataSource);
  return (requestId: string): RequestContext => ({ requestId, loaders: new Loaders(dataSource), services });
}
