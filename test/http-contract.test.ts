import { suiteGroup } from './support/suite-group';

/**
 * The HTTP contract: status codes, error shapes, limits and the JSON body as a client sees them over real HTTP.
 * CI runs this file a second time with Apollo Server as published (no patches/), where it must pass as well.
 */
suiteGroup(__dirname, ['http', 'errors', 'mutation-transaction', 'query-limits', 'json-body', 'request-memory']);
