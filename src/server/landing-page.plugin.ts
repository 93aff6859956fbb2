import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';

/** Where a browser goes when Apollo Sandbox cannot load: the bundled GraphiQL (src/server/explorer.ts). */
export const GRAPHIQL_PATH = '/graphiql/';

/** The embeddable Sandbox's major version on Apollo's CDN, as @apollo/server's own landing page uses it. */
const SANDBOX_VERSION = 'v2';
/** Where Sandbox's script comes from, and the origin of the frame it draws: the page's CSP allows these two. */
export const SANDBOX_CDN = 'https://embeddable-sandbox.cdn.apollographql.com';
export const SANDBOX_FRAME = 'https://sandbox.embed.apollographql.com';
/** The page's own script and stylesheet, served with GraphiQL's files (explorer/graphiql/). */
const SANDBOX_LANDING_SCRIPT = `${GRAPHIQL_PATH}sandbox-landing.js`;
const SANDBOX_LANDING_CSS = `${GRAPHIQL_PATH}sandbox-landing.css`;

/** "@apollo/server@5.5.1", the `runtime` that Apollo's landing page reports to its CDN. */
function apolloServerVersion(): string {
  try {
    let dir = path.dirname(require.resolve('@apollo/server'));
    for (; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
      try {
        const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
        if (pkg.name === '@apollo/server') return `@apollo/server@${pkg.version}`;
      } catch {
        // no package.json here (or not JSON): look further up
      }
    }
  } catch {
    // not resolvable: report no version
  }
  return '@apollo/server';
}

/** Text for an HTML attribute value in double quotes. */
function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface SandboxLandingPageOptions {
  /** How long the page waits for Sandbox's script before going to GraphiQL (ms). */
  timeoutMs?: number;
  /** Where to go instead (default /graphiql/). */
  fallbackPath?: string;
}

/**
 * The page at GET /graphql in a browser: Apollo Sandbox, embedded as ApolloServerPluginLandingPageLocalDefault
 * ({ embed: true, includeCookies: false }) does it, but its script is loaded from Apollo's CDN by a script that,
 * when that load fails (offline, blocked) or takes longer than `timeoutMs`, goes to the bundled GraphiQL instead
 * of Apollo's "you might be offline".
 */
export function sandboxLandingPagePlugin(options: SandboxLandingPageOptions = {}): ApolloServerPlugin {
  const timeoutMs = options.timeoutMs ?? 8000;
  const fallback = options.fallbackPath ?? GRAPHIQL_PATH;
  const runtime = apolloServerVersion();
  const scriptUrl = `${SANDBOX_CDN}/${SANDBOX_VERSION}/embeddable-sandbox.umd.production.min.js?runtime=${encodeURIComponent(runtime)}`;
  // The same settings as @apollo/server's getEmbeddedSandboxHTML with { embed: true, includeCookies: false }.
  const sandboxConfig = {
    target: '#embeddableSandbox',
    initialState: { includeCookies: false },
    hideCookieToggle: false,
    endpointIsEditable: false,
    runtime,
    runTelemetry: true,
    allowDynamicStyles: false,
  };
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return {
            // No inline script or style: the page's Content-Security-Policy (src/server/security-headers.ts)
            // allows scripts and styles from this server and Apollo's CDN only. The script that loads
            // Sandbox is a served file, its settings in data- attributes (HTML-escaped).
            async html() {
              return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width,initial-scale=1" />
    <title>Conflict Explorer · Apollo Sandbox</title>
    <link rel="stylesheet" href="${SANDBOX_LANDING_CSS}" />
  </head>
  <body>
    <noscript>Apollo Sandbox needs JavaScript; <a href="${attribute(fallback)}">GraphiQL</a> needs it too.</noscript>
    <div class="fallback">
      <h1>Conflict Explorer GraphQL API</h1>
      <p>Loading Apollo Sandbox from Apollo's CDN… If it cannot be loaded, this page opens the bundled
        <a href="${attribute(fallback)}">GraphiQL</a>, which works offline.</p>
    </div>
    <div id="embeddableSandbox"></div>
    <script src="${SANDBOX_LANDING_SCRIPT}" data-fallback="${attribute(fallback)}" data-timeout-ms="${timeoutMs}"
      data-sandbox="${attribute(scriptUrl)}" data-config="${attribute(JSON.stringify(sandboxConfig))}"></script>
  </body>
</html>
`;
            },
          };
        },
      };
    },
  };
}
