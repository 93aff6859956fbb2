/**
 * Whether a value is a promise (or any thenable). The request path answers without a promise where
 * it has nothing to wait for — each promise it makes, awaits or resolves with an object costs a
 * microtask turn and a lookup of `then` — and so checks what a step returned before awaiting it.
 */
export const isThenable = (value: unknown): value is PromiseLike<unknown> => typeof (value as PromiseLike<unknown> | null)?.then === 'function';
