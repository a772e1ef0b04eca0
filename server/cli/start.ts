/**
 * `npm start`: build the production app when the sources changed since the last build, then serve it on
 * the embedded database (or DATABASE_URL) with the demo data loaded on first run.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { ensureProductionBuild } from "./production-build";

const root = process.cwd();
const nextBin = path.join(root, "node_modules", ".bin", "next");
try {
  ensureProductionBuild("Toilcap: building the production app (once per change of the sources)…");
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const port = process.env.PORT ?? "3000";
const server = spawn(nextBin, ["start", "-p", port], {
  stdio: "inherit",
  env: { ...process.env, TOILCAP_SEED: process.env.TOILCAP_SEED ?? "demo", NEXT_TELEMETRY_DISABLED: "1" },
});

for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

async function announceWhenReady() {
  const url = `http://localhost:${port}`;
  for (let attempt = 0; attempt < 240; attempt++) {
    try {
      const response = await fetch(`${url}/sign-in`, { redirect: "manual" });
      if (response.status < 500) {
        console.info(`\nToilcap is running at ${url}  (Ctrl+C to stop)\n`);
        return;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
void announceWhenReady();
