import { GraphQLError } from 'graphql';
import { LRUCache } from 'lru-cache';
import { HeaderMap } from '@apollo/server';

/** A client spent more than its cost budget for now; `retryAfterSeconds` says when enough is back. */
export class BudgetExceededError extends GraphQLError {
  constructor(perMinute: number, cost: number, retryAfterSeconds: number) {
    super(`Cost budget of ${perMinute} per minute spent: this query (cost ${cost}) can run again in ${retryAfterSeconds} s`, {
      extensions: {
        code: 'RATE_LIMITED',
        retryAfterSeconds,
        http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
      },
    });
  }
}

/**
 * Each client's (API key, or IP address when anonymous) query cost per minute, as a token bucket:
 * it holds up to a minute's budget and refills continuously, so a client may spend its minute in
 * a burst and then goes at the budget's pace. Per instance: several instances each allow the budget.
 */
export class ClientBudget {
  private readonly buckets: LRUCache<string, { tokens: number; at: number }>;
  private readonly perMs: number;

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
    /** Clients remembered; one forgotten (least recently seen) starts again with a full budget. */
    maxClients = 100_000,
  ) {
    this.perMs = perMinute / 60_000;
    this.buckets = new LRUCache({ max: maxClients });
  }

  /** Takes `cost` from the client's budget, or throws BudgetExceededError (and takes nothing). */
  charge(client: string, cost: number): void {
    // A cost that is not a finite number ≥ 0 would refill the bucket (or poison it with NaN): refused.
    if (!(Number.isFinite(cost) && cost >= 0)) throw new RangeError(`a cost must be a finite number ≥ 0 (got ${cost})`);
    const now = this.now();
    const bucket = this.buckets.get(client) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    this.buckets.set(client, bucket);
    if (bucket.tokens < cost) {
      const retryAfterSeconds = Math.max(1, Math.ceil((cost - bucket.tokens) / this.perMs / 1000));
      throw new BudgetExceededError(this.perMinute, cost, retryAfterSeconds);
    }
    bucket.tokens -= cost;
  }

  /** What the client has left now (for tests and logs). */
  remaining(client: string): number {
    const bucket = this.buckets.peek(client);
    if (!bucket) return this.perMinute;
    return Math.min(this.perMinute, bucket.tokens + (this.now() - bucket.at) * this.perMs);
  }
}
