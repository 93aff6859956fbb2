import { suiteGroup } from './support/suite-group';

/**
 * What holds under hostile or heavy use: priced operations and budgets, connection caps, long reads with their
 * deadlines, and the database under concurrent writers and other processes.
 */
suiteGroup(__dirname, ['hostile', 'hostile-connections', 'long-reads', 'database']);
