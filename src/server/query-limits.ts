import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { LRUCache } from 'lru-cache';
import {
  GraphQLError,
  Kind,
  Lexer,
  Source,
  TokenKind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { QueryLimitError } from '../common/errors';
import { MAX_PAGE_SIZE } from '../common/pagination/connection.args';
import type { QueryLimits } from '../config';

/**
 * Hostile-query limits. Each rejects an operation before it executes, with
 * GRAPHQL_VALIDATION_FAILED and a message that names the limit and the value found:
 * - length and tokens: graphql-js's parser refuses a longer source before parsing and stops at
 *   the token limit (`parseOptions`); format-error.ts turns those parse errors into these;
 * - depth: a validation rule (below) that counts introspection too, except `ofType`;
 * - aliases and directives: graphql-armor's validation rules;
 * - cost: graphql-query-complexity with the request's variables, after validation.
 */
export function queryLimits(limits: QueryLimits, { production }: { production: boolean }) {
  const armor = new ApolloArmor({
    maxAliases: { n: limits.maxAliases, propagateOnRejection: false, onReject: [reportLimit] },
    maxDirectives: { n: limits.maxDirectives, propagateOnRejection: false, onReject: [reportLimit] },
    // Field suggestions ("Did you mean …") tell an attacker the schema; production drops them.
    blockFieldSuggestion: { enabled: production },
    maxDepth: { enabled: false },
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
  }).protect();
  return {
    // graphql-js checks both before and while parsing, so an oversized document is never parsed whole.
    parseOptions: { maxSourceLength: limits.maxLength, maxLexicalTokens: limits.maxTokens },
    validationRules: [...armor.validationRules, depthLimitRule(limits.maxDepth)],
    plugins: [...armor.plugins, costLimitPlugin(limits.maxCost)],
  };
}

/** graphql-armor prefixes its messages with "Syntax Error: "; these are validation failures. */
function reportLimit(context: ValidationContext | null, error: GraphQLError) {
  context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, '')));
}

/** graphql-js's messages when `maxLexicalTokens` or `maxSourceLength` stops the parser. */
const TOO_MANY_TOKENS = /^Syntax Error: Document contains more tha[nt] (\d+) tokens/;
const TOO_LONG = /^Syntax Error: Source contains more than (\d+) UTF-16 code units/;

/**
 * The limit's own error for a parse that the token or length limit aborted (format-error.ts
 * uses it), or null for any other parse error. Counting the tokens of a document that the
 * body-size limit already bounds is cheap.
 */
export function parseLimitMessage(message: string, source: string | undefined): string | null {
  const long = TOO_LONG.exec(message);
  if (long) return `Query length limit of ${long[1]} characters exceeded, found ${source?.length ?? `more than ${long[1]}`}.`;
  const many = TOO_MANY_TOKENS.exec(message);
  if (many) return `Token limit of ${many[1]} exceeded, found ${source === undefined ? `more than ${many[1]}` : countTokens(source)}.`;
  return null;
}

/** Tokens up to the first lexical error (the parser then reports that error). */
export function countTokens(text: string): number {
  const lexer = new Lexer(new Source(text));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  } catch {
    // A syntax error: parsing reports it.
  }
  return count;
}

/**
 * Depth of the deepest field path, through fragments. `ofType` does not add a level: it unwraps
 * a type reference (list, non-null) rather than reaching a new object, and Apollo Sandbox's
 * introspection query nests it eight deep. Everything else in introspection counts as usual.
 */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return (context) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const depthOf = (selectionSet: SelectionSetNode | undefined, visiting: Set<string>): number => {
      let deepest = 0;
      for (const selection of selectionSet?.selections ?? []) {
        let depth = 0;
        if (selection.kind === Kind.FIELD) {
          depth = (selection.name.value === 'ofType' ? 0 : 1) + depthOf(selection.selectionSet, visiting);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          depth = depthOf(selection.selectionSet, visiting);
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          // Unknown and cyclic fragments are reported by graphql-js's own rules.
          if (fragment && !visiting.has(name)) depth = depthOf(fragment.selectionSet, new Set(visiting).add(name));
        }
        deepest = Math.max(deepest, depth);
      }
      return deepest;
    };
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet, new Set());
        if (depth > maxDepth) {
          context.reportError(new GraphQLError(`Query depth limit of ${maxDepth} exceeded, found ${depth}.`, { nodes: [operation] }));
        }
      },
    };
  };
}

/**
 * A field with a `first` argument returns a page: it costs 1 plus `first` times one item
 * (connections default `first` to their page size). A nested list asked for without `first`
 * (e.g. `Company.lawsuits`, meaning all of them) is costed like every other plain list: once.
 */
const pageEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (!field.args.some((arg) => arg.name === 'first') || !Number.isInteger(args.first)) return undefined;
  const requested = args.first as number;
  // An out-of-range `first` is rejected by argument validation, with its own message.
  return 1 + Math.min(Math.max(requested, 1), MAX_PAGE_SIZE) * childComplexity;
};

/**
 * The computed cost of an operation: every field costs 1 plus its children (type-graphql's
 * `complexity` option overrides that for a field), and a page multiplies its children by `first`.
 * Throws when the variables do not fit the operation (execution then reports that).
 */
export function operationCost(schema: GraphQLSchema, query: Parameters<typeof getComplexity>[0]['query'], variables?: Record<string, unknown>, operationName?: string): number {
  return getComplexity({
    schema,
    query,
    variables,
    operationName,
    estimators: [pageEstimator, fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
  });
}

function costLimitPlugin(maxCost: number): ApolloServerPlugin {
  // Apollo hands back the same parsed document for a repeated query, so its cost (per set of
  // variables) is computed once, not on every request.
  const costs = new WeakMap<DocumentNode, LRUCache<string, number>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName }) {
          let byVariables = costs.get(document);
          if (!byVariables) costs.set(document, (byVariables = new LRUCache({ max: 100 })));
          const key = `${operationName ?? ''}:${JSON.stringify(request.variables ?? {})}`;
          let cost = byVariables.get(key);
          if (cost === undefined) {
            try {
              cost = operationCost(schema, document, request.variables ?? {}, operationName ?? undefined);
            } catch {
              return; // bad variables: execution reports them as BAD_USER_INPUT
            }
            byVariables.set(key, cost);
          }
          if (cost > maxCost) throw new QueryLimitError(`Query cost limit of ${maxCost} exceeded, found ${cost}.`);
        },
      };
    },
  };
}
