import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  isListType,
  isAbstractType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { pageCost, pageSize, type ChildCost, type FieldPrice } from '../common/prices';
import { outOfRange, ArgumentRangeError, type IntRange } from '../common/bounds';

/** What one operation asks for, as executed: every figure counts fragments at each place they are spread. */
export interface Measure {
  /** Deepest field path (`ofType` does not add a level: it unwraps a type reference). */
  depth: number;
  /**
   * Fields after inlining every fragment, with a field of an abstract type counted once per
   * possible type its selection applies to: the size of what graphql-jit compiles.
   */
  nodes: number;
  /** Aliased fields, on the path of one object type at each level (the most any result can execute). */
  aliases: number;
  /** Directives on the operation, fields, fragments and spreads, counted the same way. */
  directives: number;
  /** Computed cost (see `fieldCost`); 0 when the measure is taken without variables. */
  cost: number;
  /** The part of `cost` spent in `edges` fields: what a connection's page repeats per item. */
  edgesCost: number;
}

const ZERO: Measure = Object.freeze({ depth: 0, nodes: 0, aliases: 0, directives: 0, cost: 0, edgesCost: 0 });

/**
 * Measures operations in time linear in the document: each selection set (and so each fragment)
 * is measured once per object type it can apply to and the result memoised, so a fragment spread
 * twice at each of 40 levels costs 40 measurements, not 2^40. Figures grow as the expanded
 * document would (they may reach Infinity, which every limit refuses).
 *
 * With `variables` the cost is computed too (arguments read as execution reads them); without,
 * only the static figures. Unknown fields, types and fragments count nothing: graphql-js's
 * validation reports them. A fragment cycle counts nothing past the cycle (also reported there).
 */
export class OperationMeasurer {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly memo = new Map<SelectionSetNode, Map<string, Measure>>();
  private readonly inProgress = new Set<string>();
  /** How many (selection set, type) pairs were measured: the work done, for tests. */
  visits = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    document: DocumentNode,
    private readonly variables: Record<string, unknown> | null,
  ) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(definition.name.value, definition);
    }
  }

  operation(operation: OperationDefinitionNode): Measure {
    const root = this.schema.getRootType(operation.operation);
    if (!root) return ZERO;
    const measure = { ...this.inObject(operation.selectionSet, root) };
    measure.directives += operation.directives?.length ?? 0;
    return measure;
  }

  /** A field's selection, whatever its type: an abstract type is measured for each possible object type. */
  private selection(selectionSet: SelectionSetNode, type: GraphQLNamedType): Measure {
    if (isObjectType(type)) return this.inObject(selectionSet, type);
    if (!isAbstractType(type)) return ZERO;
    const combined = { ...ZERO };
    for (const possible of this.schema.getPossibleTypes(type)) {
      const measure = this.inObject(selectionSet, possible);
      // jit compiles a branch per type (sizes add up); one object executes one branch (the rest: the most of any).
      combined.nodes += measure.nodes;
      combined.depth = Math.max(combined.depth, measure.depth);
      combined.aliases = Math.max(combined.aliases, measure.aliases);
      combined.directives = Math.max(combined.directives, measure.directives);
      combined.cost = Math.max(combined.cost, measure.cost);
      combined.edgesCost = Math.max(combined.edgesCost, measure.edgesCost);
    }
    return combined;
  }

  private inObject(selectionSet: SelectionSetNode, type: GraphQLObjectType): Measure {
    let byType = this.memo.get(selectionSet);
    if (!byType) this.memo.set(selectionSet, (byType = new Map()));
    const known = byType.get(type.name);
    if (known) return known;
    this.visits += 1;
    const total = { ...ZERO };
    const add = (measure: Measure) => {
      total.depth = Math.max(total.depth, measure.depth);
      total.nodes += measure.nodes;
      total.aliases += measure.aliases;
      total.directives += measure.directives;
      total.cost += measure.cost;
      total.edgesCost += measure.edgesCost;
    };
    for (const selection of selectionSet.selections) {
      total.directives += selection.directives?.length ?? 0;
      if (selection.kind === Kind.FIELD) {
        const field = this.fieldDefinition(type, selection.name.value);
        if (!field) continue;
        const child = selection.selectionSet ? this.selection(selection.selectionSet, getNamedType(field.type)) : ZERO;
        total.depth = Math.max(total.depth, (selection.name.value === 'ofType' ? 0 : 1) + child.depth);
        total.nodes += 1 + child.nodes;
        total.aliases += (selection.alias ? 1 : 0) + child.aliases;
        total.directives += child.directives;
        if (this.variables) {
          const split = isListType(getNullableType(field.type))
            ? { once: 0, perItem: child.cost }
            : { once: child.cost - child.edgesCost, perItem: child.edgesCost };
          const cost = fieldCost(field, this.arguments(field, selection), split);
          total.cost += cost;
          if (selection.name.value === 'edges') total.edgesCost += cost;
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (!this.applies(selection.typeCondition?.name.value, type)) continue;
        add(this.inObject(selection.selectionSet, type));
      } else {
        const fragment = this.fragments.get(selection.name.value);
        if (!fragment || !this.applies(fragment.typeCondition.name.value, type)) continue;
        const key = `${fragment.name.value}\0${type.name}`;
        if (this.inProgress.has(key)) continue; // a cycle: graphql-js refuses the document
        this.inProgress.add(key);
        try {
          total.directives += fragment.directives?.length ?? 0;
          add(this.inObject(fragment.selectionSet, type));
        } finally {
          this.inProgress.delete(key);
        }
      }
    }
    byType.set(type.name, total);
    return total;
  }

  private fieldDefinition(type: GraphQLObjectType, name: string): GraphQLField<unknown, unknown> | undefined {
    if (name === '__typename') return TypeNameMetaFieldDef;
    if (type === this.schema.getQueryType()) {
      if (name === '__schema') return SchemaMetaFieldDef;
      if (name === '__type') return TypeMetaFieldDef;
    }
    return type.getFields()[name];
  }

  /** Does a fragment with this type condition apply to an object of `type`? */
  private applies(condition: string | undefined, type: GraphQLObjectType): boolean {
    if (condition === undefined || condition === type.name) return true;
    const conditionType = this.schema.getType(condition);
    return !!conditionType && isAbstractType(conditionType) && this.schema.isSubType(conditionType, type);
  }

  /** The field's arguments as the resolver will get them; one outside its declared bounds is refused here, before anything runs. */
  private arguments(field: GraphQLField<unknown, unknown>, node: FieldNode): Record<string, unknown> {
    if (!field.args.length) return {};
    const values = getArgumentValues(field, node, this.variables ?? undefined);
    for (const argument of field.args) {
      const range = rangeOf(argument);
      if (range && outOfRange(range, values[argument.name])) throw new ArgumentRangeError(range, values[argument.name], field.name);
    }
    return values;
  }
}

/**
 * The cost of one field given its children's: the field's own price when it declares one
 * (type-graphql's `complexity` option: the expensive reads); else, when it takes `first`, a page:
 * 1 + what it costs once + `first` × one item (`first` null or absent counting as its default);
 * else 1 plus its children.
 */
export function fieldCost(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>, child: ChildCost): number {
  const price = field.extensions?.complexity as FieldPrice | undefined;
  let cost: number;
  if (typeof price === 'function') cost = price({ args, childComplexity: child.once + child.perItem, ...child });
  else if (typeof price === 'number') cost = price + child.once + child.perItem;
  else {
    const first = field.args.find((arg) => arg.name === 'first');
    cost = pageCost(first ? pageSize(args.first, first.defaultValue, rangeOf(first) ?? undefined) : null, child);
  }
  // Fail closed: a price that is not a number (a bug in a price) refuses the request; every field costs at least 1.
  if (typeof cost !== 'number' || Number.isNaN(cost)) throw new Error(`the price of ${field.name} is not a number`);
  return Math.max(1, cost);
}

/** The declared bounds of an argument (bounds.ts's `InRange`), if it has any. */
export function rangeOf(argument: { extensions?: Record<string, unknown> | null }): IntRange | null {
  return (argument.extensions?.range as IntRange | undefined) ?? null;
}

/** The measures of every operation in a document, without variables (no cost). */
export function measureDocument(schema: GraphQLSchema, document: DocumentNode): { operation: OperationDefinitionNode; measure: Measure }[] {
  const measurer = new OperationMeasurer(schema, document, null);
  return document.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => ({ operation, measure: measurer.operation(operation) }));
}

/**
 * The most fields of one response name that graphql-js's OverlappingFieldsCanBeMerged would
 * compare pairwise in one selection set (its own fields, its inline fragments' and those of each
 * distinct fragment spread into it): that rule's work is quadratic in this count, and each
 * comparison of fields with arguments or selections walks those too. Plain leaves (`slug`,
 * `__typename`) compare in constant time and are not counted (1,900 of them validate in ~18 ms;
 * the token limit bounds them). Linear in the document: each fragment's names are counted once.
 */
export function maxSameNameFields(document: DocumentNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const byFragment = new Map<string, Map<string, number>>();
  const inProgress = new Set<string>();
  const add = (counts: Map<string, number>, key: string, n: number) => counts.set(key, (counts.get(key) ?? 0) + n);
  const fragmentNames = (name: string): Map<string, number> => {
    const known = byFragment.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment || inProgress.has(name)) return new Map(); // unknown or a cycle: validation reports it
    inProgress.add(name);
    const counts = new Map<string, number>();
    namesIn(fragment.selectionSet, counts, new Set([name]));
    inProgress.delete(name);
    byFragment.set(name, counts);
    return counts;
  };
  const namesIn = (selectionSet: SelectionSetNode, counts: Map<string, number>, spread: Set<string>) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.selectionSet || selection.arguments?.length) add(counts, (selection.alias ?? selection.name).value, 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) namesIn(selection.selectionSet, counts, spread);
      else if (!spread.has(selection.name.value)) {
        spread.add(selection.name.value);
        for (const [key, n] of fragmentNames(selection.name.value)) add(counts, key, n);
      }
    }
  };
  let most = 0;
  const visitSet = (selectionSet: SelectionSetNode) => {
    const counts = new Map<string, number>();
    namesIn(selectionSet, counts, new Set());
    for (const n of counts.values()) most = Math.max(most, n);
    for (const selection of selectionSet.selections) {
      if (selection.kind !== Kind.FRAGMENT_SPREAD && selection.selectionSet) visitSet(selection.selectionSet);
    }
  };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION) visitSet(definition.selectionSet);
  }
  return most;
}

/** The fields of one response key in a selection, merged as execution merges them. */
interface CollectedField {
  field: GraphQLField<unknown, unknown>;
  node: FieldNode;
  selectionSets: SelectionSetNode[];
  /** Its children's collected fields by the type of the object they are read on (filled as met). */
  children?: Map<string, Map<string, CollectedField>>;
}

/**
 * What an answered operation actually cost, by the same prices as its requested cost but reading
 * the answer: a page costs the items it returned rather than `first`, a list the items it holds,
 * a null object only its field's own price (a priced read — search, a network, a path — keeps its
 * price whatever it found). Linear in the answer. Never more than the requested cost for the same
 * answer; throws when the answer does not fit the operation (the caller then refunds nothing).
 */
export function resultCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  data: Record<string, unknown>,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  const fieldOf = (type: GraphQLObjectType, name: string): GraphQLField<unknown, unknown> | undefined =>
    name === '__typename'
      ? TypeNameMetaFieldDef
      : type === schema.getQueryType() && name === '__schema'
        ? SchemaMetaFieldDef
        : type === schema.getQueryType() && name === '__type'
          ? TypeMetaFieldDef
          : type.getFields()[name];
  const applies = (condition: string | undefined, type: GraphQLObjectType) => {
    if (condition === undefined || condition === type.name) return true;
    const conditionType = schema.getType(condition);
    return !!conditionType && isAbstractType(conditionType) && schema.isSubType(conditionType, type);
  };
  const collect = (sets: SelectionSetNode[], type: GraphQLObjectType, into = new Map<string, CollectedField>(), visited = new Set<string>()) => {
    for (const set of sets) {
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          const key = (selection.alias ?? selection.name).value;
          const known = into.get(key);
          if (known) {
            if (selection.selectionSet) known.selectionSets.push(selection.selectionSet);
            continue;
          }
          const field = fieldOf(type, selection.name.value);
          if (field) into.set(key, { field, node: selection, selectionSets: selection.selectionSet ? [selection.selectionSet] : [] });
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          if (applies(selection.typeCondition?.name.value, type)) collect([selection.selectionSet], type, into, visited);
        } else {
          const fragment = fragments.get(selection.name.value);
          if (!fragment || visited.has(fragment.name.value) || !applies(fragment.typeCondition.name.value, type)) continue;
          visited.add(fragment.name.value);
          collect([fragment.selectionSet], type, into, visited);
        }
      }
    }
    return into;
  };
  /** The object type an answered object is of: its `__typename` when asked for, else (an abstract type) the possible type whose fields cover its keys. */
  const typeOf = (type: GraphQLNamedType, value: Record<string, unknown>): GraphQLObjectType | null => {
    if (isObjectType(type)) return type;
    if (!isAbstractType(type)) return null;
    const named = typeof value.__typename === 'string' ? schema.getType(value.__typename) : null;
    if (named && isObjectType(named)) return named;
    return schema.getPossibleTypes(type)[0] ?? null;
  };
  const objectCost = (fields: Map<string, CollectedField>, value: Record<string, unknown>): number => {
    let total = 0;
    for (const [key, collected] of fields) {
      if (key in value) total += fieldActual(collected, value[key]);
    }
    return total;
  };
  const childrenOf = (collected: CollectedField, type: GraphQLObjectType) => {
    collected.children ??= new Map();
    let fields = collected.children.get(type.name);
    if (!fields) collected.children.set(type.name, (fields = collect(collected.selectionSets, type)));
    return fields;
  };
  const valueCost = (collected: CollectedField, named: GraphQLNamedType, value: unknown): number => {
    if (value === null || value === undefined) return 0;
    if (Array.isArray(value)) {
      let sum = 0;
      for (const item of value) sum += valueCost(collected, named, item);
      return sum;
    }
    if (typeof value !== 'object') throw new Error('an object was expected in the answer');
    const type = typeOf(named, value as Record<string, unknown>);
    return type ? objectCost(childrenOf(collected, type), value as Record<string, unknown>) : 0;
  };
  const fieldActual = (collected: CollectedField, value: unknown): number => {
    const { field, node } = collected;
    const args = field.args.length ? getArgumentValues(field, node, variables) : {};
    const own = fieldCost(field, args, { once: 0, perItem: 0 });
    if (!collected.selectionSets.length) return own;
    return own + valueCost(collected, getNamedType(field.type), value);
  };
  return objectCost(collect([operation.selectionSet], root), data);
}
