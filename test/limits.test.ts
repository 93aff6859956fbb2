/**
 * What holds under hostile or heavy use: priced operations and budgets, connection caps, long reads with their
 * deadlines, and the database under concurrent writers and other processes.
 * Each subject keeps its own file (`<subject>.suite.ts`) and its own describe block; run in one Jest file they
 * share one module registry, so the server's ~1,800 modules are loaded and its schema first built once for the
 * group instead of once per subject (about 1 s of CPU each). One subject alone: `npx jest FILE -t "^subject "`.
 */
for (const subject of ['hostile', 'hostile-connections', 'long-reads', 'database'])
  describe(subject, () => {
    require(`./${subject}.suite`);
  });
