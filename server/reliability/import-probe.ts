/**
 * Test instrumentation, never loaded by the app: `node --import tsx --import ./server/reliability/import-probe.ts
 * server/cli/import.ts FILE`. Prints one stderr line per INSERT into work_entry the import sends, on either
 * engine, so the crash test can kill -9 the import while its transaction is open, a known way in.
 */
import { PGlite, type Transaction } from "@electric-sql/pglite";
import pg from "pg";

export const PROBE_LINE = "toilcap-probe: insert work_entry";

const isEntryInsert = (text: unknown) => typeof text === "string" && /^\s*insert into "work_entry"/i.test(text);
const report = () => process.stderr.write(`${PROBE_LINE}\n`);

const clientQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function probedQuery(this: pg.Client, ...args: Parameters<typeof clientQuery>) {
  const [config] = args;
  if (isEntryInsert(typeof config === "string" ? config : (config as { text?: unknown } | undefined)?.text)) report();
  return Reflect.apply(clientQuery, this, args) as ReturnType<typeof clientQuery>;
} as typeof clientQuery;

const transaction = PGlite.prototype.transaction;
PGlite.prototype.transaction = function probedTransaction<T>(
  this: PGlite,
  callback: (tx: Transaction) => Promise<T>,
): Promise<T> {
  return transaction.call(this, (tx) =>
    callback(
      new Proxy(tx, {
        get(target, key, receiver) {
          if (key !== "query") return Reflect.get(target, key, receiver);
          return (...args: Parameters<Transaction["query"]>) => {
            if (isEntryInsert(args[0])) report();
            return target.query(...args);
          };
        },
      }),
    ),
  ) as Promise<T>;
};
