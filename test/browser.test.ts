/**
 * The web explorer in headless Chromium: its pages, the editors' review page, and the live dispute page.
 * Each subject keeps its own file (`<subject>.suite.ts`) and its own describe block; run in one Jest file they
 * share one module registry, so the server's ~1,800 modules are loaded and its schema first built once for the
 * group instead of once per subject (about 1 s of CPU each). One subject alone: `npx jest FILE -t "^subject "`.
 */
for (const subject of ['explorer.browser', 'explorer-review.browser', 'explorer-live.browser'])
  describe(subject, () => {
    require(`./${subject}.suite`);
  });
