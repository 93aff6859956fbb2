import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';

/** Where a browser goes when Apollo Sandbox cannot load: the bundled GraphiQL (src/server/explorer.ts). */
export const GRAPHIQL_PATH = '/graphiql/';

/** The embeddable Sandbox's major version on Apollo's CDN, as @apollo/server's own landing page uses it. */
const SANDBOX_VERSION = 'v2';
const SANDBOX_CDN = 'https://embeddable-sandbox.cdn.apollographql.com';
const SANDBOX_FRAME = 'https://sandbox.embed.apollographql.com';

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

/** JSON inside a <script>: no `</script>`, `<!--` or `&` can end or change it. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/'/g, '\\u0027');
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
            async html() {
              const nonce = createHash('sha256').update(randomUUID()).digest('hex');
              const csp = [
                `script-src 'self' 'nonce-${nonce}' ${SANDBOX_CDN}`,
                `style-src 'nonce-${nonce}' ${SANDBOX_CDN}`,
                `frame-src ${SANDBOX_FRAME}`,
              ].join('; ');
              return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="${csp}" />
    <meta name="viewport" content="width=device-width,initial-scale=1" />
    <title>Conflict Explorer · Apollo Sandbox</title>
    <style nonce="${nonce}">
      body { margin: 0; overflow: hidden; font-family: system-ui, sans-serif; }
      .fallback { padding: 1em; }
      iframe { background-color: white; height: 100%; width: 100%; border: none; }
      #embeddableSandbox { width: 100vw; height: 100vh; position: absolute; top: 0; }
    </style>
  </head>
  <body>
    <noscript>Apollo Sandbox needs JavaScript; <a href="${fallback}">GraphiQL</a> needs it too.</noscript>
    <div class="fallback">
      <h1>Conflict Explorer GraphQL API</h1>
      <p>Loading Apollo Sandbox from Apollo's CDN… If it cannot be loaded, this page opens the bundled
        <a href="${fallback}">GraphiQL</a>, which works offline.</p>
    </div>
    <div id="embeddableSandbox"></div>
    <script nonce="${nonce}">
      (function () {
        var fallback = ${scriptJson(fallback)};
        var config = ${scriptJson(sandboxConfig)};
        var settled = false;
        function toGraphiQL() {
          if (settled) return;
          settled = true;
          window.location.replace(fallback);
        }
        var timer = setTimeout(toGraphiQL, ${timeoutMs});
        var script = document.createElement('script');
        script.src = ${scriptJson(scriptUrl)};
        script.onerror = function () { clearTimeout(timer); toGraphiQL(); };
        script.onload = function () {
          clearTimeout(timer);
          if (settled) return;
          if (typeof window.EmbeddedSandbox !== 'function') return toGraphiQL();
          try {
            config.initialEndpoint = window.location.href;
            new window.EmbeddedSandbox(config);
            settled = true;
          } catch (error) {
            toGraphiQL();
          }
        };
        document.head.appendChild(script);
      })();
    </script>
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
