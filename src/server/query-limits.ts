import { ApolloArmor } from '@escape.tech/graphql-armor';
import { LRUCache } from 'lru-cache';
import { Lexer, Source, TokenKind, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, type ValidationRule } from 'graphql';
import { ArgumentRangeError } from '../common/bounds';
import { QueryLimitError } from '../common/errors';
import type { QueryLimits } from '../config';
import type { RequestContext } from '../context';
import type { ClientBudget } from './client-budget';
import { maxSameNameFields, measureDocument, OperationMeasurer, resultCost, type Measure } from './operation-measure';
import { coerceVariables } from './variable-values';
import { publiclyCacheable } from './http-cache.plugin';
import { onErrorsOnly, sharedListenerPlugin, type SharedListenerPlugin, type SharedRequestListener } from './request-plugins';

/**
 * Hostile-query limits. Each refuses an operation before it executes, with
 * GRAPHQL_VALIDATION_FAILED and a message that names the limit and the value found:
 * - length and tokens: graphql-js's parser refuses a longer source before parsing and stops at
 *   the token limit (`parseOptions`); format-error.ts turns those parse errors into these;
 * - depth, expanded nodes, aliases and directives: measured once per new document, in time linear
 *   in its size (operation-measure.ts), *before* graphql-js validates it;
 * - cost: the same measure with the request's variables, before execution.
 * Any failure of an analysis refuses the request (fail closed).
 */
export function queryLimits(
  limits: QueryLimits,
  { production, budget, cacheMaxAgeSeconds = 0 }: { production: boolean; budget?: ClientBudget; cacheMaxAgeSeconds?: number },
) {
  const armor = armorProtection(production);
  return {
    // graphql-js checks both before and while parsing, so an oversized document is never parsed whole.
    parseOptions: { maxSourceLength: limits.maxLength, maxLexicalTokens: limits.maxTokens },
    validationRules: [staticLimitsRule(limits), ...armor.validationRules],
    /** The depth, node, alias, directive and cost checks of each request; graphql-armor's masking of suggestions in errors. */
    requestPlugins: [queryLimitsPlugin(limits, budget, cacheMaxAgeSeconds), ...armor.plugins.map(onErrorsOnly)],
    /**
     * Charges a request's document to its client before Apollo parses or validates it (the
     * context is made first), refused documents included: throws BudgetExceededError (429) when
     * the client cannot pay. Returns the context; does nothing without a budget.
     */
    admit<C extends RequestContext>(context: C, queryText: string | undefined): C {
      if (!budget) return context;
      const perMinute = context.viewer?.budget ?? budget.perMinute;
      const document = documentPrice(queryText);
      budget.charge(context.client, document, perMinute);
      context.cost = { perMinute, document, operation: 0, kept: null, variables: null };
      return context;
    },
  };
}

/** What every request pays for its document: a flat price, and one per DOCUMENT_CHARS_PER_UNIT characters of query text. */
export const DOCUMENT_BASE_PRICE = 10;
export const DOCUMENT_CHARS_PER_UNIT = 10;

/**
 * The price of a request's document: reading, hashing, parsing and validating it grow with its
 * length (a 2,000-token document that validates slowly, ~50 ms, is ~7,500 characters: 760).
 */
export function documentPrice(queryText: string | undefined): number {
  return DOCUMENT_BASE_PRICE + Math.ceil((queryText?.length ?? 0) / DOCUMENT_CHARS_PER_UNIT);
}

/**
 * The share of its requested cost an operation pays however little it returned: what its
 * planning, its statements and the answer's shape cost beside the rows it read.
 */
export const REFUND_FLOOR = 0.1;

/** graphql-armor, only for field suggestions ("Did you mean …"), which tell an attacker the schema. */
export function armorProtection(production: boolean) {
  return new ApolloArmor({
    blockFieldSuggestion: { enabled: production },
    maxAliases: { enabled: false },
    maxDirectives: { enabled: false },
    maxDepth: { enabled: false },
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
  }).protect();
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

/** The static limits, in the order they are reported; each names its figure in a Measure. */
const STATIC_LIMITS: { figure: keyof Measure; limit: keyof QueryLimits; message: (limit: number, found: number) => string }[] = [
  { figure: 'depth', limit: 'maxDepth', message: (limit, found) => `Query depth limit of ${limit} exceeded, found ${found}.` },
  {
    figure: 'nodes',
    limit: 'maxNodes',
    message: (limit, found) => `Node limit of ${limit} fields (counted with every fragment expanded) exceeded, found ${shown(found)}.`,
  },
  { figure: 'aliases', limit: 'maxAliases', message: (limit, found) => `Aliases limit of ${limit} exceeded, found ${shown(found)}.` },
  { figure: 'directives', limit: 'maxDirectives', message: (limit, found) => `Directives limit of ${limit} exceeded, found ${shown(found)}.` },
];

/** A figure as big as an expanded fan-out can make it, readably. */
function shown(n: number): string {
  return Number.isSafeInteger(n) ? String(n) : 'more than 2^53';
}

/** The first static limit a document's operations break, as an error; null when all hold; a refusal when the document cannot be measured. */
export function staticLimitError(schema: GraphQLSchema, document: DocumentNode, limits: QueryLimits): QueryLimitError | null {
  let measures: ReturnType<typeof measureDocument>;
  try {
    measures = measureDocument(schema, document);
  } catch {
    return new QueryLimitError('The query could not be analysed against the query limits, so it is refused.');
  }
  for (const { figure, limit, message } of STATIC_LIMITS) {
    for (const { measure } of measures) {
      if (!(measure[figure] <= limits[limit])) return new QueryLimitError(message(limits[limit], measure[figure]));
    }
  }
  // graphql-js compares same-named fields pairwise (OverlappingFieldsCanBeMerged): bounded before it runs.
  const sameName = maxSameNameFields(document);
  if (sameName > limits.maxSameNameFields) {
    return new QueryLimitError(`Same-name fields limit of ${limits.maxSameNameFields} in one selection set exceeded, found ${sameName}.`);
  }
  return null;
}

/**
 * The computed cost of an operation with the given (raw) variables: every field costs 1 plus its
 * children, a page (`first`) 1 + `first` × one item, and a field with its own price (type-graphql's
 * `complexity` option) that price. Throws when the variables do not fit the operation.
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> = {}, operationName?: string): number {
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition' && (operationName === undefined || d.name?.value === operationName),
  );
  if (!operation) throw new Error(`no operation ${operationName ?? ''} in the document`);
  const coerced = coerceVariables(schema, operation, { variables });
  if (coerced.errors) throw coerced.errors[0];
  return new OperationMeasurer(schema, document, coerced.coerced).operation(operation).cost;
}

/**
 * The static limits as a validation rule, placed first: the document is measured once, when
 * validation enters it (Apollo validates each distinct document once). A document over a limit is
 * not validated further: its definitions are taken out of the AST that graphql-js is about to walk,
 * so its other rules (OverlappingFieldsCanBeMerged is quadratic in fields of one name) see an empty
 * document. Apollo discards a document that fails validation, so nothing else reads it.
 */
export function staticLimitsRule(limits: QueryLimits): ValidationRule {
  return (context) => ({
    Document(document) {
      const error = staticLimitError(context.getSchema(), document, limits);
      if (error) {
        context.reportError(error);
        (document as { definitions: DocumentNode['definitions'] }).definitions = [];
      }
      return false; // this rule needs nothing else of the document
    },
  });
}

/** What the cost memo's keys (query hash, operation name, variables) may hold in all: 2 M characters, ~4 MB. */
const COST_MEMO_CHARS = 2 * 1024 * 1024;

function queryLimitsPlugin(limits: QueryLimits, budget: ClientBudget | undefined, cacheMaxAgeSeconds: number): SharedListenerPlugin<RequestContext> {
  // A repeated query's cost (per set of variables) is computed once, not on every request. Keyed
  // by the query's hash, operation and variables, bounded by the characters of its keys (the
  // variables of one request can be up to the body's 100 kB).
  const costs = new LRUCache<string, number>({ maxSize: COST_MEMO_CHARS, sizeCalculation: (_cost, key) => key.length + 64 });
  const listener: SharedRequestListener<RequestContext> = {
    didResolveOperation({ schema, document, request, operation, contextValue, queryHash }) {
      if (!operation) return; // no operation resolved (several and no name, or an unknown name): execution refuses it
      const coerced = coerceVariables(schema, operation, request);
      // Variables that do not fit: the executor answers BAD_USER_INPUT with graphql-js's paths and runs nothing.
      if (coerced.errors) return;
      let key: string;
      let cost: number | undefined;
      try {
        key = `${queryHash}:${operation.name?.value ?? ''}:${JSON.stringify(coerced.coerced)}`;
        cost = costs.get(key);
        if (cost === undefined) {
          cost = new OperationMeasurer(schema, document, coerced.coerced).operation(operation).cost;
          if (key.length <= COST_MEMO_CHARS / 100) costs.set(key, cost);
        }
      } catch (error) {
        // An argument outside its bounds: the client's mistake, named (HTTP 400, BAD_USER_INPUT).
        if (error instanceof ArgumentRangeError) throw error;
        throw new QueryLimitError('The cost of the query could not be computed, so it is refused.');
      }
      if (!(cost <= limits.maxCost)) throw new QueryLimitError(`Query cost limit of ${limits.maxCost} exceeded, found ${shown(cost)}.`);
      // Fail closed: only a finite positive cost is charged (a zero or negative one would refill the budget).
      if (!(cost >= 1)) throw new QueryLimitError('The cost of the query could not be computed, so it is refused.');
      const charged = contextValue.cost;
      if (budget && charged) {
        budget.charge(contextValue.client, cost, charged.perMinute);
        charged.operation = cost;
        charged.variables = coerced.coerced;
      }
    },
    willSendResponse(requestContext) {
      const { contextValue, response, schema, document, operation } = requestContext;
      const charged = contextValue.cost;
      if (!budget || !charged || response.body.kind !== 'single') return;
      const result = response.body.singleResult;
      if (charged.operation > 0 && charged.kept === null) {
        charged.kept = charged.operation;
        // Only a complete answer is refunded: one with errors (a deadline, a row limit) may have done work its answer does not show.
        if (!result.errors?.length && result.data && document && operation) {
          try {
            const actual = resultCost(schema, document, operation, charged.variables ?? {}, result.data);
            charged.kept = Math.min(charged.operation, Math.max(Math.ceil(actual), Math.ceil(charged.operation * REFUND_FLOOR)));
          } catch {
            charged.kept = charged.operation;
          }
          budget.refund(contextValue.client, charged.operation - charged.kept, charged.perMinute);
        }
      }
      const cost = { requested: charged.document + charged.operation, actual: charged.document + (charged.kept ?? 0) };
      // A shared cache serves this answer to others: it holds no client's budget (and so keeps its ETag).
      const shared = publiclyCacheable(requestContext, cacheMaxAgeSeconds);
      result.extensions = { ...result.extensions, cost: shared ? cost : { ...cost, budget: budget.status(contextValue.client, charged.perMinute) } };
    },
  };
  return sharedListenerPlugin(listener);
}
