/**
 * The read paths: the guide's questions, the seed's facts, pagination, nodes and citations, search, the timeline,
 * the explorer's queries, and the statements and indexes each read costs.
 * Each subject keeps its own file (`<subject>.suite.ts`) and its own describe block; run in one Jest file they
 * share one module registry, so the server's ~1,800 modules are loaded and its schema first built once for the
 * group instead of once per subject (about 1 s of CPU each). One subject alone: `npx jest FILE -t "^subject "`.
 */
for (const subject of [
  'guide',
  'seed-facts',
  'says-who',
  'node-and-citations',
  'pagination',
  'client-mistakes',
  'explore',
  'explore-scale',
  'timeline-merge',
  'explorer-plans',
  'read-path',
  'query-count',
  'row-counts',
  'row-mapper',
  'indexes',
])
  describe(subject, () => {
    require(`./${subject}.suite`);
  });
