import { spawnSync } from "node:child_process";
import fs from "node:fs";
import pg from "pg";

/** Clock ticks per second of /proc's CPU times (100 on common Linux kernels). */
const TICKS_PER_SECOND = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

/** User + system CPU time a process has used, in milliseconds, or null where /proc cannot say (not Linux, gone). */
function processCpuMs(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the parenthesised command name; utime and stime are the 14th and 15th of the whole line.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

export interface CpuSnapshot {
  server: number | null;
  /** Per PostgreSQL backend serving the benchmark's database. */
  backends: Map<number, number>;
}

/**
 * Reads how much CPU the app server and the PostgreSQL backends of its database have used, so each run can report
 * CPU milliseconds per request: a figure that, unlike latency, other work on a shared machine barely moves.
 */
export class CpuMeter {
  private constructor(
    private readonly serverPid: number,
    private readonly client: pg.Client | null,
    private readonly database: string | null,
  ) {}

  static async open(serverPid: number, postgres: { url: string; database: string } | null): Promise<CpuMeter> {
    if (!postgres) return new CpuMeter(serverPid, null, null);
    const client = new pg.Client({ connectionString: postgres.url });
    await client.connect();
    return new CpuMeter(serverPid, client, postgres.database);
  }

  async snapshot(): Promise<CpuSnapshot> {
    const backends = new Map<number, number>();
    if (this.client && this.database) {
      const { rows } = await this.client.query<{ pid: number }>(
        "select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
        [this.database],
      );
      for (const { pid } of rows) {
        const used = processCpuMs(pid);
        if (used !== null) backends.set(pid, used);
      }
    }
    return { server: processCpuMs(this.serverPid), backends };
  }

  /** CPU milliseconds used between two snapshots: the server's, and the database's (backends alive at both). */
  static spent(before: CpuSnapshot, after: CpuSnapshot): { server: number | null; database: number | null } {
    const server = before.server !== null && after.server !== null ? after.server - before.server : null;
    let database: number | null = null;
    for (const [pid, used] of after.backends) {
      const earlier = before.backends.get(pid);
      if (earlier !== undefined) database = (database ?? 0) + used - earlier;
    }
    return { server, database };
  }

  async close(): Promise<void> {
    await this.client?.end();
  }
}
