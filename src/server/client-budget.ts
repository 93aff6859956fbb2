import { GraphQLError } from 'graphql';
import { LRUCache } from 'lru-cache';
import { HeaderMap } from '@apollo/server';

/** A client's budget as answers report it (`extensions.cost.budget`). */
export interface BudgetStatus {
  /** The cost the client may spend per minute (its key's own budget, or the anonymous default). */
  perMinute: number;
  /** What it may spend now (whole units, rounded down). */
  remaining: number;
  /** Seconds until its budget is full again (0 when it is). */
  resetsIn: number;
}

/** A client spent more than its cost budget for now; `retryAfterSeconds` says when enough is back. */
export class BudgetExceededError extends GraphQLError {
  constructor(cost: number, retryAfterSeconds: number, budget: BudgetStatus) {
    super(`Cost budget of ${budget.perMinute} per minute spent: this query (cost ${cost}) can run again in ${retryAfterSeconds} s`, {
      extensions: {
        code: 'RATE_LIMITED',
        retryAfterSeconds,
        cost: { requested: cost, actual: 0, budget },
        http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
      },
    });
  }
}

/**
 * Each client's (API key, or IP address when anonymous) query cost per minute, as a token bucket:
 * it holds up to a minute's budget and refills continuously, so a client may spend its minute in
 * a burst and then goes at the budget's pace. A request is admitted by its requested (worst-case)
 * cost and the difference refunded once its actual cost is known (`refund`). Each call names the
 * client's budget per minute (a key may have its own); `perMinute` is the default. Per instance:
 * several instances each allow the budget. The clock is injected (tests simulate minutes).
 */
export class ClientBudget {
  private readonly buckets: LRUCache<string, { tokens: number; at: number }>;

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
    /** Clients remembered; one forgotten (least recently seen) starts again with a full budget. */
    maxClients = 100_000,
  ) {
    this.buckets = new LRUCache({ max: maxClients });
  }

  /** The client's bucket, refilled up to now. */
  private bucket(client: string, perMinute: number): { tokens: number; at: number } {
    const now = this.now();
    const bucket = this.buckets.get(client) ?? { tokens: perMinute, at: now };
    bucket.tokens = Math.min(perMinute, bucket.tokens + Math.max(0, now - bucket.at) * (perMinute / 60_000));
    bucket.at = now;
    this.buckets.set(client, bucket);
    return bucket;
  }

  /** Takes `cost` from the client's budget, or throws BudgetExceededError (and takes nothing). */
  charge(client: string, cost: number, perMinute = this.perMinute): void {
    // A cost that is not a finite number ≥ 0 would refill the bucket (or poison it with NaN): refused.
    if (!(Number.isFinite(cost) && cost >= 0)) throw new RangeError(`a cost must be a finite number ≥ 0 (got ${cost})`);
    const bucket = this.bucket(client, perMinute);
    if (bucket.tokens < cost) {
      const retryAfterSeconds = Math.max(1, Math.ceil((cost - bucket.tokens) / (perMinute / 60_000) / 1000));
      throw new BudgetExceededError(cost, retryAfterSeconds, this.statusOf(bucket, perMinute));
    }
    bucket.tokens -= cost;
  }

  /**
   * Gives back part of what a request was charged, once its actual cost is known: never more
   * than a full budget, and only a finite positive amount (a refund cannot take anything).
   */
  refund(client: string, amount: number, perMinute = this.perMinute): void {
    if (!(Number.isFinite(amount) && amount > 0)) return;
    const bucket = this.bucket(client, perMinute);
    bucket.tokens = Math.min(perMinute, bucket.tokens + amount);
  }

  /** The client's budget now, as answers report it. */
  status(client: string, perMinute = this.perMinute): BudgetStatus {
    const bucket = this.buckets.peek(client);
    if (!bucket) return { perMinute, remaining: perMinute, resetsIn: 0 };
    const tokens = Math.min(perMinute, bucket.tokens + Math.max(0, this.now() - bucket.at) * (perMinute / 60_000));
    return this.statusOf({ tokens }, perMinute);
  }

  private statusOf(bucket: { tokens: number }, perMinute: number): BudgetStatus {
    return { perMinute, remaining: Math.floor(bucket.tokens), resetsIn: Math.ceil((perMinute - bucket.tokens) / (perMinute / 60_000) / 1000) };
  }

  /** What the client has left now (for tests and logs). */
  remaining(client: string, perMinute = this.perMinute): number {
    const bucket = this.buckets.peek(client);
    if (!bucket) return perMinute;
    return Math.min(perMinute, bucket.tokens + Math.max(0, this.now() - bucket.at) * (perMinute / 60_000));
  }
}
