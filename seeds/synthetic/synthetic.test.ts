import { suiteGroup } from '../../test/support/suite-group';

/**
 * The synthetic graph: its generator, and the bulk load that writes it into a database.
 */
suiteGroup(__dirname, ['synthetic-graph', 'seed-synthetic-database']);
