import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../context';

/**
 * With read replicas, a replica may not yet have what a mutation just committed on the primary,
 * so the fields of a mutation's answer are read from the primary. Queries keep reading from the
 * replicas (a query sent right after a write may see it a replication delay later).
 */
export const readYourWritesPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, contextValue }) {
        if (operation?.operation === 'mutation') contextValue.loaders.readFrom(contextValue.services.primaryReader);
      },
    };
  },
};
