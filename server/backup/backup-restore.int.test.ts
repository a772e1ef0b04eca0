import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { Database, Db, Engine } from "@/db/client";
import { auditLog, interrupt, person } from "@/db/schema";
import { useDatabase } from "@/server/db/runtime";
import { deliver, makeCaptureTeam } from "@/server/testing/alertmanager-delivery";
import { notification, type TestAlert } from "@/server/testing/alertmanager-payloads";
import {
  createScratchDir,
  postgresAdminUrl,
  scratchDatabase,
  type ScratchDir,
} from "@/server/reliability/scratch-database";
import { settleBackgroundWork } from "@/server/services/breaches/background";
import { seedDemo } from "@/server/services/demo/seed-demo";
import { callerAs } from "@/server/testing/fixtures";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { type BackupHeader, BackupFileError, backupRows, readBackupHeader } from "./backup-file";
import { queryRows } from "./sql-rows";
import { backupDatabase } from "./take-backup";
import { RestoreFailedError, RestoreRefusedError, restoreDatabase } from "./restore-backup";

// The demo's twelve weeks span the spring DST change; every report is read at this instant on both sides.
const NOW = new Date("2025-05-07T15:00:00Z");
const HEAD_ID = "ffffffff-ffff-4fff-bfff-ffffffffffff";
const childId = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;
const other: Engine = testEngine === "pglite" ? "postgres" : "pglite";
// Restores into the same engine always, and across to the other one when both are available.
const targets: Engine[] = testEngine === "postgres" || postgresAdminUrl() ? [testEngine, other] : [testEngine];

let source: Database;
let scratch: ScratchDir;
let file: string;
let header: BackupHeader;
let teamId: string;
let managerId: string;
let engineerId: string;

async function personId(db: Db, email: string): Promise<string> {
  const [row] = await db.select({ id: person.id }).from(person).where(eq(person.email, email));
  if (!row) throw new Error(`no person ${email}`);
  return row.id;
}

/** Twenty pages of one incident: its head references itself, the others reference the head (a self-referencing table). */
function incidentAlerts(): TestAlert[] {
  return Array.from({ length: 20 }, (_, i) => ({
    fingerprint: `backup-${i.toString(16).padStart(4, "0")}`,
    alertname: "DiskFilling",
    startsAt: `2026-03-04T13:${String(10 + i).padStart(2, "0")}:00Z`,
    summary: `disk ${i} filling`,
    severity: "high",
    service: "storage",
  }));
}

/** The reports a restore must not change: the demo team's toil, trend and toil sources, and an engineer's share. */
async function reportsOf(db: Db) {
  const manager = await callerAs(db, managerId, () => NOW);
  const engineer = await callerAs(db, engineerId, () => NOW);
  return {
    toil: await manager.reports.teamToil({ teamId, period: "quarter" }),
    trend: await manager.reports.trend({ teamId, weeks: 12 }),
    sources: await manager.reports.toilSources({ teamId, period: "rolling90" }),
    share: await engineer.share.mine({ period: "month" }),
  };
}

async function openTarget(engine: Engine): Promise<Database> {
  return engine === testEngine ? createTestDatabase() : scratchDatabase(engine);
}

async function rowCounts(db: Db): Promise<number> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select tablename as "name" from pg_tables where schemaname = 'public'`,
  );
  let total = 0;
  for (const { name } of tables) {
    const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as "n" from ${sql.identifier(name)}`);
    total += row?.n ?? 0;
  }
  return total;
}

beforeAll(async () => {
  scratch = createScratchDir("toilcap-backup-test");
  source = await createTestDatabase();
  useDatabase(source);
  const seeded = await seedDemo(source.db, { now: NOW });
  teamId = seeded.teamId;
  managerId = await personId(source.db, "maria@northwind.example");
  engineerId = await personId(source.db, "erik@northwind.example");
  // Audit rows (a bigserial) and an incident of pages pointing at its head, beside the demo.
  const erik = await callerAs(source.db, engineerId, () => NOW);
  await erik.workLog.create({ summary: "restart the ingest job", duration: "25m", category: "toil" });
  const capture = await makeCaptureTeam(source.db);
  const answer = await deliver(capture.secret, notification(incidentAlerts()));
  expect(answer.status).toBe(200);
  // And an incident whose pages sort before its head by id, more of them than one insert statement takes (the
  // foreign key is checked per statement), so the restore must put the head first.
  const page = { teamId: capture.team.id, kind: "page" as const, openedAt: NOW, incidentId: HEAD_ID };
  await source.db.insert(interrupt).values({ ...page, id: HEAD_ID, summary: "head", isIncident: true });
  const pages = Array.from({ length: 1500 }, (_, i) => ({ ...page, id: childId(i), summary: `page ${i}` }));
  for (let from = 0; from < pages.length; from += 500)
    await source.db.insert(interrupt).values(pages.slice(from, from + 500));
  // The entry queued a cap-breach check behind its answer; its rows belong in the backup, not after it.
  await settleBackgroundWork();
  file = path.join(scratch.root, "instance.backup");
  header = await backupDatabase(source, file, NOW);
});
afterAll(async () => {
  await source?.close();
  scratch?.remove();
});

describe(`backup of ${testEngine}`, () => {
  test("writes every table with its row count and checksum, parents before children", async () => {
    expect(await readBackupHeader(file)).toEqual(header);
    expect(header).toMatchObject({
      format: "toilcap-backup",
      version: 1,
      engine: testEngine,
      createdAt: NOW.toISOString(),
    });
    expect(header.migrations.count).toBeGreaterThan(0);
    const names = header.tables.map((t) => t.name);
    expect(names.indexOf("organisation")).toBeLessThan(names.indexOf("person"));
    expect(names.indexOf("person")).toBeLessThan(names.indexOf("work_entry"));
    expect(names.indexOf("integration")).toBeLessThan(names.indexOf("interrupt"));
    const rows = Object.fromEntries(header.tables.map((t) => [t.name, t.rows]));
    const [entries] = await queryRows<{ n: number }>(source.db, sql`select count(*)::int as "n" from work_entry`);
    expect(rows.work_entry).toBe(entries?.n);
    expect(rows.interrupt).toBeGreaterThanOrEqual(1521);
    const interrupts: string[] = [];
    for await (const row of backupRows(file, header)) {
      if (row.table.name === "interrupt")
        interrupts.push(row.values[row.table.columns.findIndex((c) => c.name === "id")] ?? "");
    }
    expect(interrupts.indexOf(childId(0))).toBe(0);
    expect(interrupts.indexOf(HEAD_ID)).toBe(interrupts.length - 1);
    expect(header.sequences).toContainEqual(
      expect.objectContaining({ table: "audit_log", column: "id", isCalled: true }),
    );
    // Nothing temporary is left beside the file.
    expect(fs.readdirSync(scratch.root).filter((name) => name.startsWith("."))).toEqual([]);
  });

  test("the same data gives the same file body, whenever it is taken", async () => {
    const again = await backupDatabase(source, path.join(scratch.root, "again.backup"), new Date());
    expect(again.body).toEqual(header.body);
    expect(again.tables).toEqual(header.tables);
  });
});

describe.each(targets)(`a backup of ${testEngine} restored into an empty %s instance`, (engine) => {
  let target: Database;
  beforeAll(async () => {
    target = await openTarget(engine);
  });
  afterAll(async () => target?.close());

  test("restores every row, and the reports are identical", async () => {
    const summary = await restoreDatabase(target, file);
    expect(summary.rows).toBe(header.tables.reduce((sum, t) => sum + t.rows, 0));
    useDatabase(target);
    const restored = await reportsOf(target.db);
    useDatabase(source);
    expect(restored).toEqual(await reportsOf(source.db));
    expect(restored.toil.members.length).toBeGreaterThan(5);
  });

  test("table contents are identical: a backup of the restored instance has the same checksums", async () => {
    const copy = await backupDatabase(target, path.join(scratch.root, `copy-${engine}.backup`), NOW);
    expect(copy.tables).toEqual(header.tables);
    expect(copy.body).toEqual(header.body);
    expect(copy.engine).toBe(engine);
  });

  test("the audit log's sequence continues after the restored rows", async () => {
    const [before] = await queryRows<{ max: number }>(target.db, sql`select max(id)::int as "max" from audit_log`);
    const erik = await callerAs(target.db, engineerId, () => NOW);
    const entry = await erik.workLog.create({ summary: "after the restore", duration: "10m", category: "toil" });
    await settleBackgroundWork();
    const [audit] = await target.db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.entityId, entry.id));
    expect(audit?.id).toBeGreaterThan(before?.max ?? Infinity);
  });

  test("a second restore into the now non-empty instance is refused and changes nothing", async () => {
    const rowsBefore = await rowCounts(target.db);
    await expect(restoreDatabase(target, file)).rejects.toThrow(RestoreRefusedError);
    await expect(restoreDatabase(target, file)).rejects.toThrow(
      /This database is not empty \(.*\)\. Restore only into an empty instance/,
    );
    expect(await rowCounts(target.db)).toBe(rowsBefore);
  });
});

describe("a restore that cannot finish writes nothing", () => {
  let target: Database;
  beforeAll(async () => {
    target = await createTestDatabase();
  });
  afterAll(async () => target?.close());

  function rewrite(name: string, change: (lines: string[]) => string[]): string {
    const [first, ...body] = fs.readFileSync(file, "utf8").split("\n");
    const out = path.join(scratch.root, name);
    fs.writeFileSync(out, [first, ...change(body)].join("\n"));
    return out;
  }

  test.each([
    [
      "a changed value",
      "flipped.backup",
      (lines: string[]) => lines.map((line, i) => (i === 3 ? line.replace(",", ", ") : line)),
      /damaged/,
    ],
    [
      "a file cut short",
      "cut.backup",
      (lines: string[]) => lines.slice(0, Math.floor(lines.length / 2)),
      /damaged or cut short/,
    ],
  ])("%s is refused before anything is written", async (_label, name, change, message) => {
    const damaged = rewrite(name, change);
    await expect(restoreDatabase(target, damaged)).rejects.toThrow(BackupFileError);
    await expect(restoreDatabase(target, damaged)).rejects.toThrow(message);
    expect(await rowCounts(target.db)).toBe(0);
  });

  test("a file that is not a backup is refused with a clear message", async () => {
    const json = path.join(scratch.root, "workspace.json");
    fs.writeFileSync(json, JSON.stringify({ format: "toilcap-workspace", version: 1 }));
    await expect(restoreDatabase(target, json)).rejects.toThrow(/is not a Toilcap backup/);
  });

  test("a backup of another schema level is refused", async () => {
    const older = path.join(scratch.root, "older.backup");
    const [first, ...body] = fs.readFileSync(file, "utf8").split("\n");
    const changed = JSON.parse(first ?? "") as BackupHeader;
    changed.migrations = { count: changed.migrations.count - 1, last: "1" };
    fs.writeFileSync(older, [JSON.stringify(changed), ...body].join("\n"));
    const levels = `The backup was taken at schema level ${header.migrations.count - 1}; this database is at level ${header.migrations.count}.`;
    await expect(restoreDatabase(target, older)).rejects.toThrow(
      `${levels} Restore it with the Toilcap version that took it, then upgrade`,
    );
    expect(await rowCounts(target.db)).toBe(0);
  });

  test("a row the database rejects rolls the whole restore back", async () => {
    // A valid file (checksums recomputed) whose last interrupt points at an incident that does not exist.
    const { createHash } = await import("node:crypto");
    const [first, ...body] = fs.readFileSync(file, "utf8").split("\n");
    const changed = JSON.parse(first ?? "") as BackupHeader;
    const start = changed.tables
      .slice(
        0,
        changed.tables.findIndex((t) => t.name === "interrupt"),
      )
      .reduce((n, t) => n + t.rows, 0);
    const table = changed.tables.find((t) => t.name === "interrupt");
    if (!table) throw new Error("no interrupt table");
    const incident = table.columns.findIndex((c) => c.name === "incident_id");
    const last = start + table.rows - 1;
    const row = JSON.parse(body[last] ?? "") as Array<string | null>;
    row[incident] = "11111111-1111-4111-8111-111111111111";
    body[last] = JSON.stringify(row);
    const digest = (lines: string[]) =>
      createHash("sha256")
        .update(lines.map((l) => `${l}\n`).join(""))
        .digest("hex");
    table.sha256 = digest(body.slice(start, start + table.rows));
    const rows = body.slice(0, -1);
    changed.body = { bytes: Buffer.byteLength(rows.map((l) => `${l}\n`).join("")), sha256: digest(rows) };
    const broken = path.join(scratch.root, "broken.backup");
    fs.writeFileSync(broken, [JSON.stringify(changed), ...body].join("\n"));
    await expect(restoreDatabase(target, broken)).rejects.toThrow(RestoreFailedError);
    await expect(restoreDatabase(target, broken)).rejects.toThrow(
      /^The restore was rolled back and nothing was written: .*violates foreign key constraint/,
    );
    expect(await rowCounts(target.db)).toBe(0);
    const [left] = await target.db.select({ n: sql<number>`count(*)::int` }).from(interrupt);
    expect(left?.n).toBe(0);
  });
});
