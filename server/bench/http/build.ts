import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const SOURCES = ["app", "server", "db", "instrumentation.ts", "next.config.js", "package.json", "package-lock.json"];

function newestMtime(full: string): number {
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(full)) newest = Math.max(newest, newestMtime(path.join(full, child)));
  return newest;
}

/** Builds the production app (`next build`) unless `.next` is newer than every source, as `npm start` does. */
export function ensureProductionBuild(root = process.cwd()): void {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  if (builtAt > 0 && SOURCES.every((entry) => newestMtime(path.join(root, entry)) <= builtAt)) return;
  console.info("bench: building the production app (next build)…");
  const build = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) throw new Error(`next build failed (${build.status ?? "signal"})`);
}
