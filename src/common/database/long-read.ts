import { RequestTimeoutError } from '../errors';

/**
 * How long a long read may run: until the request's deadline, or until its signal aborts
 * (the request timed out or was given up), whichever comes first.
 */
export interface LongReadOptions {
  /** Aborted when the request is abandoned: the statement is then stopped. */
  signal?: AbortSignal;
  /** When (a `Date.now()` time) the statement is given up at the latest; none: no limit. */
  deadline?: number;
  /** The request's time limit, as the RequestTimeoutError names it. */
  timeoutMs?: number;
}

/** Milliseconds left before the deadline (Infinity without one). */
export function timeLeft({ deadline }: LongReadOptions): number {
  return deadline === undefined ? Infinity : deadline - Date.now();
}

/** The error a long read given up for its request's deadline or signal rejects with. */
export function timeoutError({ timeoutMs, deadline }: LongReadOptions): RequestTimeoutError {
  return new RequestTimeoutError(timeoutMs ?? (deadline === undefined ? 0 : Math.max(0, deadline - Date.now())));
}

/** True when the read must not start (or go on): aborted, or past its deadline. */
export function expired(options: LongReadOptions): boolean {
  return Boolean(options.signal?.aborted) || timeLeft(options) <= 0;
}
