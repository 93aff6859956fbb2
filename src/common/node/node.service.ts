import type { Loaders } from '../loaders/loaders';
import { nodeEntities, type NodeTypeName } from '../../entities';
import type { NodeEntity } from './node.entity';
import { decodeGlobalId } from './global-id';

export class NodeService {
  /** The object a global ID names, or null when no such object exists. Malformed IDs throw. */
  async byGlobalId(loaders: Loaders, globalId: string): Promise<NodeEntity | null> {
    const { type, id } = decodeGlobalId(globalId);
    if (!Object.hasOwn(nodeEntities, type)) return null;
    const entity = nodeEntities[type as NodeTypeName];
    return (await loaders.byId<NodeEntity>(entity).load(id)) ?? null;
  }
}
