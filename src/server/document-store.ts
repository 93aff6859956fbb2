import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';

/**
 * What Apollo's store of parsed, validated documents may hold, in lexical tokens. Measured
 * (bench/results/budgets.md): a parsed document holds ~370 bytes of heap per token (its AST, and
 * the token list its locations keep), so 100,000 tokens hold about 37 MB (50 documents at the
 * 2,000-token limit; the explorer's operations are a few hundred tokens each). Apollo's default (30 MiB of the documents' JSON, ~4 bytes of heap per byte of
 * JSON) allowed about 120 MB.
 */
export const DOCUMENT_STORE_TOKENS = 100_000;

/**
 * Apollo's document store (a KeyValueCache, the interface its `documentStore` option takes),
 * bounded by the tokens of its documents: counted along the token list the parser left, without
 * serialising the document, which Apollo's default sizing does on every store.
 */
export class DocumentStore implements KeyValueCache<DocumentNode> {
  private readonly cache: LRUCache<string, DocumentNode>;

  constructor(maxTokens = DOCUMENT_STORE_TOKENS) {
    this.cache = new LRUCache({ maxSize: maxTokens, sizeCalculation: tokensOf });
  }

  get(key: string): Promise<DocumentNode | undefined> {
    return Promise.resolve(this.cache.get(key));
  }

  set(key: string, value: DocumentNode): Promise<void> {
    this.cache.set(key, value);
    return Promise.resolve();
  }

  delete(key: string): Promise<boolean> {
    return Promise.resolve(this.cache.delete(key));
  }

  /** Documents held now, and their tokens in all (for tests). */
  get held(): { documents: number; tokens: number } {
    return { documents: this.cache.size, tokens: this.cache.calculatedSize };
  }
}

/** The document's tokens (the parser's limit bounds the walk); a document without locations counts as the limit's worth. */
function tokensOf(document: DocumentNode): number {
  let token: { next: unknown } | null | undefined = document.loc?.startToken;
  if (!token) return 2000;
  let count = 0;
  for (; token; token = token.next as typeof token) count += 1;
  return count;
}
