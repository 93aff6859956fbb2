/**
 * Preloaded into a server the attack measures (`node --expose-gc --require dist/bench/gc-on-signal.js
 * dist/src/main.js`): SIGUSR2 runs two full collections, so the attack can read the server's RSS
 * with only what it keeps alive.
 */
process.on('SIGUSR2', () => {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
});
