import { suiteGroup } from './support/suite-group';

/**
 * The read paths: the guide's questions, the seed's facts, pagination, nodes and citations, search, the timeline,
 * the explorer's queries, and the statements and indexes each read costs.
 */
suiteGroup(__dirname, [
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
]);
