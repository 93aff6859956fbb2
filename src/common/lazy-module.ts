/**
 * A library loaded on its first use rather than at start. Only for heavy libraries that few requests
 * need (the drafting's language and date parsers take ~0.7 s of CPU to load): every process that
 * builds the schema — each test suite, each script — would otherwise pay for them. `src/main.ts`
 * warms them before the server listens, so no request of a running server pays either.
 */
export function loadedOnFirstUse<T>(load: () => T): () => T {
  let loaded: { value: T } | undefined;
  return () => (loaded ??= { value: load() }).value;
}
