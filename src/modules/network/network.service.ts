import { FuzzyDate } from '../../common/fuzzy-date/fuzzy-date';
import type { Loaders } from '../../common/loaders/loaders';
import type { NodeEntity } from '../../common/node/node.entity';
import { nodeEntities, type NodeTypeName } from '../../entities';
import { partyBySlug } from '../party/party-lookup';
import { PartyEntity } from '../party/party.entity';
import { ConflictEdge, ConflictEdgeKind, ConflictNode, type ConflictNetwork, type ConflictPath } from './conflict-network.type';
import { SearchTooBroadError } from '../../common/errors';
import { edgesTouchingSql } from '../../common/facts/fact-sql';
import { factTypes } from '../../facts';

interface EdgeRow {
  fact_type: string;
  fact_id: number;
  from_id: number;
  to_id: number;
  kind: ConflictEdgeKind;
  label: string;
  since: string | null;
}

/** Longest chain conflictPath looks for (links); the graph of one report is far shallower. */
export const MAX_PATH_LENGTH = 8;

/**
 * Most parties a network holds, or a path search reaches from both ends together: on 100,000
 * companies a search from a hub otherwise reaches most of the graph (4 s for a path, before).
 */
export const MAX_SEARCH_PARTIES = 2000;

/** One end of a two-ended path search: whom it reached, by which link and how far out. */
interface SearchSide {
  reached: Map<number, { edge: ConflictEdge | null; depth: number }>;
  frontier: number[];
  depth: number;
}

/** Conflict networks and paths: breadth-first over links, one statement per level, through the request's reader. */
export class NetworkService {
  constructor(
    /** Parties a network holds or a path search reaches at most (lower in tests). */
    private readonly maxParties = MAX_SEARCH_PARTIES,
  ) {}

  async network(loaders: Loaders, centerSlug: string, depth: number): Promise<ConflictNetwork> {
    const center = await partyBySlug(loaders.reader, centerSlug, 'center');
    const distance = new Map<number, number>([[center.id, 0]]);
    const edges = new Map<string, ConflictEdge>();
    let frontier = [center.id];
    let truncated = false;
    for (let level = 1; level <= depth && frontier.length && !truncated; level++) {
      const next: number[] = [];
      for (const edge of await this.edgesTouching(loaders, frontier)) {
        edges.set(edgeKey(edge), edge);
        for (const end of [edge.fromId, edge.toId]) {
          if (distance.has(end)) continue;
          // A hub's neighbourhood can be much of the graph: past the bound, the rest of it is left out (and said so).
          if (distance.size >= this.maxParties) {
            truncated = true;
            continue;
          }
          distance.set(end, level);
          next.push(end);
        }
      }
      frontier = next;
    }
    const nodes = await this.nodes(loaders, [...distance.keys()], distance);
    return { nodes, edges: withNodeIds([...edges.values()], nodes), truncated };
  }

  /**
   * The shortest chain of links between two parties (links followed either way), or null.
   * Breadth-first from both ends at once, a level of the smaller side at a time: two parties far
   * apart meet in the middle, after reaching far fewer parties than a search from one end.
   */
  async path(loaders: Loaders, fromSlug: string, toSlug: string): Promise<ConflictPath | null> {
    const [from, to] = await Promise.all([partyBySlug(loaders.reader, fromSlug, 'from'), partyBySlug(loaders.reader, toSlug, 'to')]);
    const ends: SearchSide[] = [from.id, to.id].map((id) => ({ reached: new Map([[id, { edge: null, depth: 0 }]]), frontier: [id], depth: 0 }));
    let meeting = from.id === to.id ? from.id : null;
    while (meeting === null && ends[0].depth + ends[1].depth < MAX_PATH_LENGTH && ends.every((side) => side.frontier.length)) {
      const [side, other] = ends[0].frontier.length <= ends[1].frontier.length ? ends : [ends[1], ends[0]];
      const inFrontier = new Set(side.frontier);
      side.depth += 1;
      const next: number[] = [];
      let best = Infinity;
      for (const edge of await this.edgesTouching(loaders, side.frontier)) {
        for (const [here, there] of [
          [edge.fromId, edge.toId],
          [edge.toId, edge.fromId],
        ]) {
          if (!inFrontier.has(here) || side.reached.has(there)) continue;
          side.reached.set(there, { edge, depth: side.depth });
          next.push(there);
          // Of the parties where the two searches meet in this level, the one on the shortest chain.
          const across = other.reached.get(there);
          if (across && side.depth + across.depth < best) {
            best = side.depth + across.depth;
            meeting = there;
          }
        }
      }
      side.frontier = next;
      if (meeting === null && ends[0].reached.size + ends[1].reached.size > this.maxParties) {
        throw new SearchTooBroadError(this.maxParties);
      }
    }
    if (meeting === null) return null;
    // From the meeting party back to each end: the `from` half reversed, then the `to` half.
    const chain: ConflictEdge[] = [];
    const ids = [meeting];
    for (const [side, toward] of [
      [ends[0], 'start'],
      [ends[1], 'end'],
    ] as const) {
      for (let at = meeting, step = side.reached.get(at)!; step.edge; step = side.reached.get(at)!) {
        at = step.edge.fromId === at ? step.edge.toId : step.edge.fromId;
        if (toward === 'start') {
          chain.unshift(step.edge);
          ids.unshift(at);
        } else {
          chain.push(step.edge);
          ids.push(at);
        }
      }
    }
    const distance = new Map(ids.map((id, i) => [id, i]));
    const nodes = await this.nodes(loaders, ids, distance);
    return { nodes, edges: withNodeIds(chain, nodes) };
  }

  /** The fact a link comes from (null for a family tie, which is not a node of its own). */
  async fact(loaders: Loaders, edge: ConflictEdge): Promise<NodeEntity | null> {
    if (!Object.hasOwn(nodeEntities, edge.factType)) return null;
    return loaders.byId<NodeEntity>(nodeEntities[edge.factType as NodeTypeName]).load(edge.factId);
  }

  /** A long read: a wide frontier (or a path between unconnected parties) scans much of the graph. */
  private async edgesTouching({ reader, longRead }: Loaders, partyIds: number[]): Promise<ConflictEdge[]> {
    const { sql, lists } = edgesTouchingSql(factTypes, (column) => reader.inList(column));
    const list = reader.listParameter(partyIds);
    const rows = await reader.queryLong<EdgeRow>(
      sql,
      Array.from({ length: lists }, () => list),
      longRead,
    );
    return rows.map((row) => {
      const edge = new ConflictEdge();
      edge.factType = row.fact_type;
      edge.factId = Number(row.fact_id);
      edge.fromId = Number(row.from_id);
      edge.toId = Number(row.to_id);
      edge.kind = row.kind;
      edge.label = row.label;
      edge.since = row.since == null ? null : FuzzyDate.parse(row.since);
      return edge;
    });
  }

  private async nodes(loaders: Loaders, ids: number[], distance: Map<number, number>): Promise<ConflictNode[]> {
    const parties = await loaders.byId(PartyEntity).loadMany(ids);
    return parties
      .filter((p): p is PartyEntity => !!p && !(p instanceof Error))
      .map((party) => Object.assign(new ConflictNode(), { id: party.globalId, party, distance: distance.get(party.id)! }))
      .sort((a, b) => a.distance - b.distance || a.party.name.localeCompare(b.party.name));
  }
}

function edgeKey(edge: ConflictEdge): string {
  return `${edge.factType}:${edge.factId}:${edge.fromId}:${edge.toId}`;
}

/** Edges name their ends by the nodes' ids (the parties' global IDs). */
function withNodeIds(edges: ConflictEdge[], nodes: ConflictNode[]): ConflictEdge[] {
  const ids = new Map(nodes.map((node) => [node.party.id, node.id]));
  for (const edge of edges) {
    edge.from = ids.get(edge.fromId)!;
    edge.to = ids.get(edge.toId)!;
  }
  return edges.filter((edge) => edge.from && edge.to);
}
