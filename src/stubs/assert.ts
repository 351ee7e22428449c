// Stands in for node:assert where yargs imports it (scripts/build.mjs): yargs imports it for two sanity checks, and loading
// node:assert (with its error formatting and colors) cost ~15 ms of every start.
export function strictEqual(actual: unknown, expected: unknown, message?: string): void {
  if (actual !== expected) throw new Error(message ?? `expected ${String(expected)}, got ${String(actual)}`);
}
export function notStrictEqual(actual: unknown, expected: unknown, message?: string): void {
  if (actual === expected) throw new Error(message ?? `expected a value other than ${String(expected)}`);
}
