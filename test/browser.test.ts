import { suiteGroup } from './support/suite-group';

/**
 * The web explorer in headless Chromium: its pages, the editors' review page, and the live dispute page.
 */
suiteGroup(__dirname, ['explorer.browser', 'explorer-review.browser', 'explorer-live.browser']);
