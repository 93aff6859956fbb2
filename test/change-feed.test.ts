import { suiteGroup } from './support/suite-group';

/**
 * The change feed: its cursors, subscriptions over graphql-ws, and webhooks with their deliveries.
 */
suiteGroup(__dirname, ['changes', 'webhooks']);
