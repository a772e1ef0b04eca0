import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

const root = process.cwd();
// What the production build is made of, as `npm start` sees it (server/cli/start.ts).
const SOURCES = ["app", "server", "db", "instrumentation.ts", "next.config.js", "package.json", "package-lock.json"];

function newestMtime(entry: string): number {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(full)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** Builds the production app when `.next` is missing or older than the sources, so a load test never measures stale code. */
export function ensureProductionBuild(): void {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  if (builtAt > 0 && SOURCES.every((entry) => newestMtime(entry) <= builtAt)) return;
  console.info("Building the production app (next build)…");
  const build = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) throw new Error(`next build failed (${build.status ?? build.signal})`);
}

const LOCAL_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres";

/** TEST_DATABASE_URL, else the local server when one answers: where scratch databases are created. */
export async function postgresForScratch(): Promise<string | undefined> {
  if (process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL;
  const probe = new pg.Client({ connectionString: LOCAL_POSTGRES, connectionTimeoutMillis: 1500 });
  try {
    await probe.connect();
    await probe.end();
    return LOCAL_POSTGRES;
  } catch {
    return undefined;
  }
}
