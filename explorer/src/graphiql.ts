// GraphiQL at /graphiql: bundled with React by explorer/build.mjs, so it works with no network
// beyond this server (Apollo Sandbox at /graphql loads from Apollo's CDN and falls back to here).
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { Kind, parse } from 'graphql';
import { createClient } from 'graphql-ws';

/** schema/examples.graphql split into its operations, embedded at build time (build.mjs). */
declare const __EXAMPLE_TABS__: { name: string; query: string }[];

/**
 * GraphiQL 3 can send the operation name of the tab shown before (switching to a preloaded tab
 * does not update it until the editor is edited); the server rightly refuses a name that matches
 * no operation. So a name not in the document is replaced by its only operation's.
 */
function operationNameIn(query: string, requested: string | null | undefined): string | null | undefined {
  let names: string[];
  try {
    names = parse(query).definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION && d.name ? [d.name.value] : []));
  } catch {
    return requested; // the server reports the syntax error
  }
  if (requested && names.includes(requested)) return requested;
  return names.length === 1 ? names[0] : requested;
}

// Subscriptions run over graphql-ws on the same path (bundled: nothing loads from a CDN). The
// client connects when the first subscription runs; the Authorization header typed in the
// headers editor is not reachable from here, so a subscription runs as anonymous.
const wsClient = createClient({ url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`, lazy: true });
const sendToServer = createGraphiQLFetcher({ url: '/graphql', wsClient });
const fetcher: Fetcher = (params, options) => sendToServer({ ...params, operationName: operationNameIn(params.query, params.operationName) }, options);
const defaultTabs = __EXAMPLE_TABS__.map(({ query }) => ({ query }));

const root = document.getElementById('graphiql');
if (!root) throw new Error('#graphiql is missing from the page');
createRoot(root).render(
  createElement(GraphiQL, {
    fetcher,
    defaultTabs,
    // Headers (e.g. {"Authorization": "Bearer KEY"}) are sent but not stored in localStorage.
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: false,
  }),
);
