import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** What the production build is made of: a change to any of these makes `.next` stale. */
const SOURCES = [
  "app",
  "server",
  "db",
  "instrumentation.ts",
  "proxy.ts",
  "next.config.js",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
];

function newestMtime(full: string): number {
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(full)) newest = Math.max(newest, newestMtime(path.join(full, child)));
  return newest;
}

/** True when `.next` is missing or older than a source file. */
export function productionBuildIsStale(root = process.cwd()): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const builtAt = fs.statSync(buildId).mtimeMs;
  return SOURCES.some((entry) => newestMtime(path.join(root, entry)) > builtAt);
}

/**
 * Runs `next build` when the build is stale (`npm start`, `npm run load`, `npm run bench`), so nobody serves or
 * measures code older than the sources. Throws when the build fails.
 */
export function ensureProductionBuild(announcement: string, root = process.cwd()): void {
  if (!productionBuildIsStale(root)) return;
  console.info(announcement);
  const build = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) throw new Error(`next build failed (${build.status ?? build.signal ?? "unknown"})`);
}
