// GraphiQL at /graphiql: bundled with React by explorer/build.mjs, so it works with no network
// beyond this server (Apollo Sandbox at /graphql loads from Apollo's CDN and falls back to here).
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';

/** schema/examples.graphql split into its operations, embedded at build time (build.mjs). */
declare const __EXAMPLE_TABS__: { name: string; query: string }[];

const fetcher = createGraphiQLFetcher({ url: '/graphql' });
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
