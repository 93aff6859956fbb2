import { GraphQLError } from 'graphql';
import type { ChangeEvent } from './change-event.entity';

/** A subscriber that fell behind by more than its queue holds: its socket is closed (code 4429), never buffered without bound. */
export class SlowConsumerError extends GraphQLError {
  constructor(queued: number) {
    super(`The subscriber fell ${queued} changes behind and was disconnected: resume from the last cursor with changes(since:) or /changes.ndjson`, {
      extensions: { code: 'SLOW_CONSUMER' },
    });
  }
}

type Filter = (change: ChangeEvent) => boolean;

interface Listener {
  filter: Filter;
  push(change: ChangeEvent): void;
  end(): void;
}

/**
 * The in-process fan-out of changes to subscriptions. The server feeds it (src/server/change-bus.ts:
 * PostgreSQL LISTEN/NOTIFY, or SQLite's commits in this process) with every change once, in id
 * order; each subscription is an async iterator over the changes its filter takes, with a queue
 * of at most `maxQueued` (past it the iterator fails with SlowConsumerError).
 */
export class ChangeHub {
  private readonly listeners = new Set<Listener>();
  /** Called when the first subscriber arrives and when the last leaves (the bus polls only while someone listens). */
  onActive: ((active: boolean) => void) | null = null;

  constructor(private readonly maxQueued = 1000) {}

  get subscribers(): number {
    return this.listeners.size;
  }

  publish(change: ChangeEvent): void {
    for (const listener of this.listeners) if (listener.filter(change)) listener.push(change);
  }

  /** The changes `filter` takes, from now on, until the iterator is returned (the client unsubscribed) or fails. */
  listen(filter: Filter): AsyncIterableIterator<ChangeEvent> {
    const queue: ChangeEvent[] = [];
    let waiting: ((result: IteratorResult<ChangeEvent>) => void) | null = null;
    let failure: Error | null = null;
    let done = false;
    const finish = () => {
      done = true;
      if (this.listeners.delete(listener) && this.listeners.size === 0) this.onActive?.(false);
      queue.length = 0;
      waiting?.({ value: undefined, done: true });
      waiting = null;
    };
    const listener: Listener = {
      filter,
      end: finish,
      push: (change) => {
        if (done) return;
        if (waiting) {
          const resolve = waiting;
          waiting = null;
          resolve({ value: change, done: false });
        } else if (queue.length >= this.maxQueued) {
          failure = new SlowConsumerError(queue.length);
          finish();
        } else queue.push(change);
      },
    };
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.onActive?.(true);
    const iterator: AsyncIterableIterator<ChangeEvent> = {
      next: () => {
        if (failure) return Promise.reject(failure);
        if (queue.length) return Promise.resolve({ value: queue.shift()!, done: false });
        if (done) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => (waiting = resolve));
      },
      return: () => {
        finish();
        return Promise.resolve({ value: undefined, done: true });
      },
      throw: (error) => {
        finish();
        return Promise.reject(error);
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }

  /** Ends every subscription (shutdown). */
  close(): void {
    for (const listener of [...this.listeners]) listener.end();
  }
}
