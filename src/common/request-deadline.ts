/**
 * A request's time limit, as the work it governs sees it: `passed` to check between steps, and
 * an AbortSignal for work that must be stopped mid-way (a long read, a write transaction), made
 * only when such work asks for it. Most requests never do, and an AbortController with its event
 * target cost about 3 % of a small query's whole handling (profile of `{ __typename }`).
 */
export class RequestDeadline {
  private controller: AbortController | null = null;
  private hasPassed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When a deadline without a timer of its own passes (performance.now() time). */
  private endsAt: number | undefined;

  /**
   * A deadline that passes by itself `ms` from now, then calls `onPass` (which answers the client),
   * unless the request ends first and says so with `settle`.
   */
  static after(ms: number, onPass: () => void): RequestDeadline {
    const deadline = new RequestDeadline();
    deadline.timer = setTimeout(() => {
      deadline.timer = undefined;
      deadline.pass();
      onPass();
    }, ms);
    return deadline;
  }

  /**
   * A deadline `ms` from now that nobody waits on: no timer runs unless work asks for the signal (and
   * that one does not keep the process alive), so work that ends unnoticed, as a subscription event's
   * execution does, leaves nothing pending behind it.
   */
  static within(ms: number): RequestDeadline {
    const deadline = new RequestDeadline();
    deadline.endsAt = performance.now() + ms;
    return deadline;
  }

  get passed(): boolean {
    if (!this.hasPassed && this.endsAt !== undefined && performance.now() >= this.endsAt) this.pass();
    return this.hasPassed;
  }

  /** Aborted once the deadline passes (already aborted if asked for after that). */
  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.passed) this.controller.abort();
      else if (this.endsAt !== undefined) setTimeout(() => this.pass(), this.endsAt - performance.now()).unref();
    }
    return this.controller.signal;
  }

  /** The request is over (answered or failed): its deadline can no longer pass. */
  settle(): void {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** The deadline has passed: whatever holds the signal is told to stop. */
  pass(): void {
    if (this.hasPassed) return;
    this.hasPassed = true;
    this.controller?.abort();
  }
}
