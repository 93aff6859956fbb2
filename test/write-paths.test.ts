import { suiteGroup } from './support/suite-group';

/**
 * The write paths: mutations, the write rules on every path, identities that move, statements of dated sources,
 * drafts of new reports, the importer run twice, exports, and the migrations.
 */
suiteGroup(__dirname, ['writes', 'write-rules', 'identity', 'statements', 'drafts', 'seed-idempotency', 'exports', 'migrations']);
