import type { Loaders } from '../loaders/loaders';
import { nodeEntities, restrictedNodeTypes, type NodeTypeName } from '../../entities';
import { assertRole, type Viewer } from '../auth';
import type { NodeEntity } from './node.entity';
import { decodeGlobalId } from './global-id';
import { formerIdLoader } from '../identity/former-identifiers';

export class NodeService {
  /** The object a global ID names, or null when no such object exists. Malformed IDs throw. */
  async byGlobalId(loaders: Loaders, globalId: string, viewer: Viewer | null = null): Promise<NodeEntity | null> {
    const { type, id } = decodeGlobalId(globalId);
    if (!Object.hasOwn(nodeEntities, type)) return null;
    // Admin-only types are refused through node(id) too (their fields are also checked one by one).
    const needed = restrictedNodeTypes[type as keyof typeof restrictedNodeTypes];
    if (needed) assertRole(viewer, needed, `node(id) of a ${type}`);
    const entity = nodeEntities[type as NodeTypeName];
    const found = await loaders.byId<NodeEntity>(entity).load(id);
    if (found) return found;
    // An object merged into another (a party) answers with the one that absorbed it.
    const current = await formerIdLoader(loaders, loaders.reader.tableOf(entity)).load(id);
    return current === null ? null : ((await loaders.byId<NodeEntity>(entity).load(current)) ?? null);
  }
}
