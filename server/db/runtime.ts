import "server-only";
import { type Database, openConfiguredDatabase } from "@/db/client";

/**
 * One database handle per server process, opened and migrated at start-up (instrumentation.ts).
 * Kept on globalThis because Next may load this module in more than one bundle of the same process.
 */
const holder = globalThis as typeof globalThis & { __toilcapDatabase?: Promise<Database> };

export function getDatabase(): Promise<Database> {
  holder.__toilcapDatabase ??= openConfiguredDatabase().then(async (database) => {
    await database.migrate();
    return database;
  });
  return holder.__toilcapDatabase;
}

/** For tests and scripts that open their own database. */
export function useDatabase(database: Database): void {
  holder.__toilcapDatabase = Promise.resolve(database);
}
