import path from "node:path";
import { describe, expect, test } from "vitest";
import { type BackupHeader, backupRows, verifyBackup } from "@/server/backup/backup-file";
import { backupDatabase } from "@/server/backup/take-backup";
import { ENGINES, unavailable } from "./engines";
import { describeLoad, loadScenario, type ScratchInstance } from "./load-scenario";
import { createScratchDir } from "./scratch-database";

// The CI version of `npm run load` (60 s): long enough for thousands of requests at 100 connections.
const LOAD_MS = Number(process.env.TOILCAP_LOAD_SECONDS ?? 10) * 1000;
const CONNECTIONS = 100;

/** Entries of the load, and the audit rows of their creation, as one snapshot saw them. */
async function loadRowsIn(file: string, header: BackupHeader) {
  const entries = new Set<string>();
  const audited = new Set<string>();
  for await (const { table, values } of backupRows(file, header)) {
    const at = (name: string) => values[table.columns.findIndex((c) => c.name === name)] ?? null;
    if (table.name === "work_entry" && at("summary")?.startsWith("load ")) entries.add(at("id") ?? "");
    if (
      table.name === "audit_log" &&
      at("action") === "work-entry.create" &&
      at("after")?.includes('"summary": "load ')
    )
      audited.add(at("entity_id") ?? "");
  }
  return { entries, audited };
}

describe.each(ENGINES)("the production server on %s under load", (engine) => {
  test.skipIf(unavailable(engine))(
    `${LOAD_MS / 1000} s of mixed reads and writes at ${CONNECTIONS} connections: no 5xx, every acknowledged write is in the database`,
    async () => {
      const scratch = createScratchDir("toilcap-load-backup");
      let snapshot: { file: string; header: BackupHeader } | undefined;
      // On PostgreSQL a backup runs halfway through, beside the writers (PGlite's directory is the server's alone).
      const midway =
        engine === "postgres"
          ? async (instance: ScratchInstance) => {
              const database = await instance.open();
              try {
                const file = path.join(scratch.root, "midway.backup");
                snapshot = { file, header: await backupDatabase(database, file) };
              } finally {
                await database.close();
              }
            }
          : undefined;
      try {
        const report = await loadScenario(engine, { durationMs: LOAD_MS, connections: CONNECTIONS, midway });
        const figures = describeLoad(report);
        console.info(figures);
        expect(report.result.serverErrors, `${figures}\n${report.serverLog.slice(-4000)}`).toBe(0);
        expect(report.result.failures, figures).toBe(0);
        expect(report.result.unexpected, figures).toBe(0);
        for (const operation of ["home", "share", "teamReport", "logEntry", "alert"] as const)
          expect(report.result.operations[operation]?.requests ?? 0, operation).toBeGreaterThan(0);
        expect(report.result.acked.entries.length).toBeGreaterThan(10);
        expect(report.missing).toEqual({ entries: [], alerts: [] });

        if (snapshot) {
          // One snapshot: every entry it holds has its audit row and no audit row lacks its entry, though both
          // tables were being written all along (they are read minutes apart in a big instance).
          expect(await verifyBackup(snapshot.file)).toEqual(snapshot.header);
          const { entries, audited } = await loadRowsIn(snapshot.file, snapshot.header);
          expect(entries.size).toBeGreaterThan(0);
          expect(entries.size).toBeLessThan(report.result.acked.entries.length);
          expect([...audited].filter((id) => !entries.has(id))).toEqual([]);
          expect([...entries].filter((id) => !audited.has(id))).toEqual([]);
        }
      } finally {
        scratch.remove();
      }
    },
  );
});
