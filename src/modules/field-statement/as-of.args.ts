/** The `asOf` argument's description, the same on every root field that takes it (read by src/server/as-of.plugin.ts). */
export const AS_OF_DESCRIPTION =
  'As of this date (YYYY, YYYY-MM or YYYY-MM-DD): only what the sources had published by then, each field with the value current then. The whole answer follows it; one date per operation.';
