import type { DataSource } from 'typeorm';
import { Loaders, type LoaderOptions } from './common/loaders/loaders';
import { createServices, type Services } from './services';

/** What every resolver gets: this request's loaders and the app's services. */
export interface RequestContext {
  requestId: string;
  loaders: Loaders;
  services: Services;
}

export function createContextFactory(dataSource: DataSource, loaderOptions?: LoaderOptions) {
  // One reader (and so one prepared-statement cache) per app; loaders are per request.
  const services = createServices(dataSource);
  return (requestId: string): RequestContext => ({ requestId, loaders: new Loaders(services.reader, loaderOptions), services });
}
