import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { eq, like, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { person, team, workEntry } from "@/db/schema";
import type { Where } from "./app-server";
import { bigWorkspace } from "./big-workspace";
import { PROBE_LINE } from "./import-probe";

const root = process.cwd();
const PROBE = path.join(root, "server", "reliability", "import-probe.ts");

export interface ImportRun {
  /** Exit code, or null when killed. */
  code: number | null;
  signal: NodeJS.Signals | null;
  /** INSERTs into work_entry the import had sent when it ended (or was killed). */
  inserts: number;
  output: string;
}

function importEnv(where: Where): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: where.engine === "postgres" ? where.databaseUrl : "",
    TOILCAP_DATA_DIR: where.engine === "pglite" ? where.dataDir : "",
  };
}

/**
 * `npm run import -- FILE` (the same script, with the probe preloaded), killed with SIGKILL once it has sent
 * `killAfterInserts` INSERTs into work_entry, that is halfway through its one transaction; or run to the end
 * when `killAfterInserts` is undefined.
 */
export function runImport(where: Where, file: string, killAfterInserts?: number): Promise<ImportRun> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--import", PROBE, path.join(root, "server", "cli", "import.ts"), file],
    {
      cwd: root,
      env: importEnv(where),
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let inserts = 0;
  let output = "";
  let pending = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  child.stderr.on("data", (chunk: Buffer) => {
    pending += chunk.toString("utf8");
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      if (line === PROBE_LINE) inserts += 1;
      else output += `${line}\n`;
    }
    if (killAfterInserts !== undefined && inserts >= killAfterInserts) child.kill("SIGKILL");
  });
  const timer = setTimeout(() => child.kill("SIGKILL"), 180_000);
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, inserts, output });
    });
  });
}

/** A workspace file of one team and `entries` entries, written where the test keeps its files. */
export function writeBigWorkspace(dir: string, teamName: string, entries: number): string {
  const file = path.join(dir, `${teamName.replace(/\W+/g, "-")}.json`);
  fs.writeFileSync(file, JSON.stringify(bigWorkspace({ teamName, people: 20, entries })));
  return file;
}

/** What of the imported team the database holds: nothing, or the team with all its entries. */
export async function importedTeam(
  db: Db,
  teamName: string,
): Promise<{ teams: number; entries: number; people: number }> {
  const teams = await db.select({ id: team.id }).from(team).where(eq(team.name, teamName));
  const [entries] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(workEntry)
    .innerJoin(team, eq(team.id, workEntry.teamId))
    .where(eq(team.name, teamName));
  const slug = teamName.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  const [people] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(person)
    .where(like(person.email, `%@${slug}.example`));
  return { teams: teams.length, entries: entries?.n ?? 0, people: people?.n ?? 0 };
}
