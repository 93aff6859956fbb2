import type { Complexity } from 'type-graphql';
import { clampTo, type IntRange } from './bounds';
import { PAGE_SIZE } from './pagination/connection.args';

/**
 * The query cost of reads that can be slow on a large store, over what their shape costs: each is
 * set from the worst case measured on the 100,000-company synthetic store (SQLite, this machine),
 * against the front-end page's 2,014 for ~25 ms. They are not proportional to time (a search would
 * then cost more than the whole limit): they bound how many slow reads one query can hold (the
 * limit is 5,000) and how many a client's budget allows per minute. docs/operations.md lists them.
 */
export const PRICES = {
  /** Worst found ~0.7 s (the index's six most common prefixes); before its input was bounded, 10 s. Three fit in one query. */
  search: 1500,
  /** Each level of breadth-first search over every kind of link (depth 3 on a hub: ~0.35 s). */
  networkLevel: 500,
  /** A shortest-path search, bounded by the parties it may visit (worst seen: ~4 s before the bound). */
  path: 2000,
  /** The timeline's page over every dated fact of the graph (~0.3 s with a date range). */
  timeline: 200,
  /** Counting a timeline (~0.1 s on the whole graph). */
  timelineCount: 200,
  /** A connection filtered by kind, status or party (its page is no longer a walk along one index). */
  filter: 50,
  /**
   * A read as of a date (`asOf`), flat, over one and a half times what the answer costs otherwise:
   * every batch of facts also reads their statements (test/statements.suite.ts: at most twice the
   * SQL statements; bench/results/statements.md: 1.06× the CPU of the dispute page).
   */
  asOf: 100,
  /**
   * Drafting a report (`draftSource`): compromise's parse of up to 90,000 characters, about 0.1 ms of
   * CPU a word (bench/results/draft.md), bounded by its own deadline (DRAFT_DEADLINE_MS).
   */
  draft: 2000,
  /** `totalCount` of an entity connection: a trigger-kept row, or one indexed COUNT when filtered. */
  count: 10,
} as const;

/**
 * A field's children's cost, split into what a page repeats for each item (a list's whole
 * selection; a connection's `edges`) and what it costs once (`totalCount`, `pageInfo`).
 */
export interface ChildCost {
  once: number;
  perItem: number;
}

/**
 * A field's own `complexity` (type-graphql's option, in the field's extensions): a number added to
 * its children's, or a function of its arguments and its children's cost. Arguments reach it as
 * the request gave them; a price reads a bounded one through `clampTo` (or `pageSize`), so no
 * value makes it lower than the price at the argument's minimum.
 */
export type FieldPrice = number | ((input: { args: Record<string, unknown>; childComplexity: number } & ChildCost) => number);

/** A page priced `base` over the usual 1 + once + `first` × one item (`defaultFirst` when `first` is null or absent). */
export function pagePrice(base: number, defaultFirst: number, range: IntRange = PAGE_SIZE): Complexity {
  return priced(({ args, once, perItem }) => base + pageCost(pageSize(args.first, defaultFirst, range), { once, perItem }));
}

/** 1 + what a page costs once + `size` × one item (a plain list, size null, is costed once). */
export function pageCost(size: number | null, child: ChildCost): number {
  return 1 + child.once + (size ?? 1) * child.perItem;
}

/**
 * The page a `first` argument asks for, clamped into its range (the check before execution
 * refuses values outside it); null or absent means its default. Null when there is neither: a
 * nested list asked for without `first` (all of a company's lawsuits, say), costed once like any plain list.
 */
export function pageSize(requested: unknown, fallback: unknown, range: IntRange = PAGE_SIZE): number | null {
  const given = typeof requested === 'number' && !Number.isNaN(requested);
  if (!given && !Number.isInteger(fallback)) return null;
  return clampTo(range, requested, fallback as number);
}

/**
 * A price as type-graphql's `complexity` option takes it: typed there as graphql-query-complexity's
 * estimator, and called by src/server/operation-measure.ts with the once/per-item split as well.
 */
export function priced(price: FieldPrice): Complexity {
  return price as unknown as Complexity;
}

/** A root field that takes `asOf`: its price (`base`, else 1 plus its children), times 1.5 plus PRICES.asOf when it is given. */
export function withAsOf(base?: Complexity): Complexity {
  const price = base as unknown as FieldPrice | undefined;
  return priced((input) => {
    const cost = typeof price === 'function' ? price(input) : typeof price === 'number' ? price + input.once + input.perItem : 1 + input.once + input.perItem;
    return input.args.asOf == null ? cost : PRICES.asOf + Math.ceil(1.5 * cost);
  });
}
