/**
 * The row an `insert … returning` or `update … returning` inside our own transaction must give back. Its absence
 * is a bug or a lost race, never the user's mistake, so it is an internal error (a 500), not a DomainError.
 */
export function assertReturned<T>(row: T | undefined, what: string): asserts row is T {
  if (row === undefined) throw new Error(`${what} returned nothing`);
}
