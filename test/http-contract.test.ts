/**
 * The HTTP contract: status codes, error shapes, limits and the JSON body as a client sees them over real HTTP.
 * CI runs this file a second time with Apollo Server as published (no patches/), where it must pass as well.
 * Each subject keeps its own file (`<subject>.suite.ts`) and its own describe block; run in one Jest file they
 * share one module registry, so the server's ~1,800 modules are loaded and its schema first built once for the
 * group instead of once per subject (about 1 s of CPU each). One subject alone: `npx jest FILE -t "^subject "`.
 */
for (const subject of ['http', 'errors', 'mutation-transaction', 'query-limits', 'json-body', 'request-memory'])
  describe(subject, () => {
    require(`./${subject}.suite`);
  });
