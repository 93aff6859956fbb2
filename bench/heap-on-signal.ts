/**
 * Preloaded into the server bench/live.ts measures (`node --expose-gc --require
 * dist/bench/heap-on-signal.js dist/src/main.js`): SIGUSR2 runs two full collections and prints
 * one line `{"heap":{…}}` (process.memoryUsage()) on stdout, so the bench reads the live heap, not
 * only the RSS (which keeps pages V8 has freed).
 */
process.on('SIGUSR2', () => {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  process.stdout.write(`${JSON.stringify({ heap: process.memoryUsage() })}\n`);
});
