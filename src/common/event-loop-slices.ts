import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';

let slicing = true;

/** Benchmarks only (bench/import-slices.ts): false makes `pause` and `turn` do nothing, as before slicing, to compare side by side. */
export function setEventLoopSlicing(on: boolean): void {
  slicing = on;
}

/**
 * Long synchronous work cut into slices with an event-loop turn between them. SQLite's driver is
 * synchronous, so a write of many rows (a large source document) is one chain of microtasks that
 * never lets the event loop run: no other request, `/healthz` or deadline timer could run until
 * it ends (about 0.5–2 s for a 100 kB document). Calling `pause()` between items gives the loop a
 * turn once `sliceMs` has passed since the last one; a write transaction stays open across the
 * turns (other writers wait for the write lock; readers, on their own connection, do not see it
 * before it commits), so the work stays all or nothing.
 */
export class EventLoopSlices {
  private sliceStarted = performance.now();
  /** Turns given so far. */
  turns = 0;

  constructor(private readonly sliceMs = DEFAULT_SLICE_MS) {}

  /** Resolves at once while the slice lasts; after it, on the event loop's next turn. */
  pause(): Promise<void> | undefined {
    return !slicing || performance.now() - this.sliceStarted < this.sliceMs ? undefined : this.turn();
  }

  /** Gives the event loop a turn now (before a step that is long by itself), and starts a new slice. */
  async turn(): Promise<void> {
    if (!slicing) return;
    this.turns++;
    await nextTurn();
    this.sliceStarted = performance.now();
  }
}

/** Long enough that a turn's cost (a few microseconds) is lost in it, short enough that a probe beside the work never waits long. */
export const DEFAULT_SLICE_MS = 10;
