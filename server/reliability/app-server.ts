import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import type { Engine } from "@/db/client";

/**
 * The production server (`npm start`'s server/cli/serve.ts on the built `.next`) as the load and crash tests drive it: its own
 * free port and database, output kept for the failure message, and killed when the test process ends
 * however it ends.
 */

const root = process.cwd();
const SERVE = path.join(root, "server", "cli", "serve.ts");
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 15_000;
const LOG_LIMIT = 200_000;

export type Where = { engine: "pglite"; dataDir: string } | { engine: "postgres"; databaseUrl: string };

export interface AppServerOptions {
  where: Where;
  seed: "demo" | "none";
  port?: number;
}

export interface AppServer {
  url: string;
  port: number;
  pid: number;
  engine: Engine;
  /** What the server printed so far (stdout and stderr, interleaved). */
  log(): string;
  /** SIGTERM, as an operator stops it; SIGKILL if it is still running after a while. */
  stop(): Promise<void>;
  /** kill -9: no shutdown code runs. */
  crash(): Promise<void>;
  exited(): boolean;
}

const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/** Refuses to run against sources the build does not reflect: no `.next/BUILD_ID`, no test. */
export function assertProductionBuild(): void {
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    throw new Error("These tests drive the production build: run `npx next build` first (npm test does).");
  }
}

/** A port nobody listens on now: the OS picks it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  assertProductionBuild();
  const port = options.port ?? (await freePort());
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    TOILCAP_SEED: options.seed,
    // The tests sign several engineers in from one address within a minute.
    TOILCAP_SIGN_IN_LIMIT: "1000",
    BETTER_AUTH_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: options.where.engine === "postgres" ? options.where.databaseUrl : "",
    TOILCAP_DATA_DIR: options.where.engine === "pglite" ? options.where.dataDir : "",
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
  };
  const child = spawn(process.execPath, ["--import", "tsx", SERVE], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  child.once("exit", () => running.delete(child));
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-LOG_LIMIT);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${SERVE}`);

  const url = `http://127.0.0.1:${port}`;
  const server: AppServer = {
    url,
    port,
    pid,
    engine: options.where.engine,
    log: () => output,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    async stop() {
      if (server.exited()) return;
      child.kill("SIGTERM");
      if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
        child.kill("SIGKILL");
        await waitForExit(child, STOP_TIMEOUT_MS);
      }
    },
    async crash() {
      if (server.exited()) return;
      child.kill("SIGKILL");
      await waitForExit(child, STOP_TIMEOUT_MS);
    },
  };

  const started = performance.now();
  while (performance.now() - started < READY_TIMEOUT_MS) {
    if (server.exited())
      throw new Error(`the server exited before answering (code ${child.exitCode ?? child.signalCode}):\n${output}`);
    try {
      const response = await fetch(`${url}/sign-in`, { redirect: "manual", signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (response.status < 500) return server;
    } catch {
      // Not listening yet.
    }
    await sleep(150);
  }
  await server.crash();
  throw new Error(`the server did not answer within ${READY_TIMEOUT_MS / 1000} s:\n${output}`);
}
