/**
 * `npm start`: build the production app when the sources changed since the last build, then serve it
 * (serve.ts). On the embedded database it is the try-out: the demo data loads on first run and the public
 * address defaults to this machine. With DATABASE_URL nothing is assumed: no demo unless TOILCAP_SEED=demo,
 * and BETTER_AUTH_URL must be set.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { ensureProductionBuild } from "./production-build";

const root = process.cwd();

try {
  ensureProductionBuild("Toilcap: building the production app (once per change of the sources)…");
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const port = process.env.PORT?.trim() || "3000";
const embedded = (process.env.DATABASE_URL ?? "").trim() === "";
const tryOut = embedded
  ? {
      TOILCAP_SEED: process.env.TOILCAP_SEED || "demo",
      BETTER_AUTH_URL: process.env.BETTER_AUTH_URL || `http://localhost:${port}`,
    }
  : {};
const server = spawn(process.execPath, ["--import", "tsx", path.join(root, "server", "cli", "serve.ts")], {
  stdio: "inherit",
  env: { ...process.env, ...tryOut, PORT: port, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
});

for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

async function announceWhenReady() {
  const url = `http://${process.env.HOSTNAME?.trim() || "localhost"}:${port}`;
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
