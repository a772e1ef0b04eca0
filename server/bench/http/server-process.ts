import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export interface RunningServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** A fixed secret: the benchmark's sessions need no secrecy, and a fixed one keeps runs alike. */
const BENCH_AUTH_SECRET = "toilcap-bench-secret-not-for-production-0000";

async function waitUntilReady(url: string, child: ChildProcess, probePath: string): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}) before it was ready`);
    try {
      const response = await fetch(`${url}${probePath}`, { redirect: "manual" });
      if (response.status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server at ${url} did not get ready`);
}

/**
 * Starts the production build as `npm start` serves it (server/cli/serve.ts) on `port` with the benchmark's database. Sign-in limits are raised
 * for the runner's sign-ins; the demo is loaded only when `seed` asks for it (the page benchmark).
 */
export async function startProductionServer(
  port: number,
  database: { url: string } | { dataDir: string },
  options: { profileDir?: string; seed?: "demo" | "none" } = {},
): Promise<RunningServer> {
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    TOILCAP_SEED: options.seed ?? "none",
    TOILCAP_SIGN_IN_LIMIT: "1000",
    BETTER_AUTH_SECRET: BENCH_AUTH_SECRET,
    BETTER_AUTH_URL: url,
  };
  // Node itself runs the server, so a CPU profile of it can be asked for (written when it stops).
  const profile = options.profileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.profileDir}`] : [];
  const serve = path.join(process.cwd(), "server", "cli", "serve.ts");
  return startServer(
    url,
    [...profile, "--import", "tsx", serve],
    withDatabase({ ...env, PORT: String(port), HOSTNAME: "127.0.0.1" }, database),
    "/sign-in",
  );
}

/** Starts the raw-SQL baseline server (server/bench/baselines/server.ts) on `port` with the benchmark's database. */
export function startBaselineServer(
  port: number,
  database: { url: string } | { dataDir: string },
): Promise<RunningServer> {
  const script = path.join(process.cwd(), "server", "bench", "baselines", "server.ts");
  const env = withDatabase({ ...process.env, NODE_ENV: "production" }, database);
  return startServer(`http://127.0.0.1:${port}`, ["--import", "tsx", script, String(port)], env, "/bench/ready");
}

function withDatabase(env: NodeJS.ProcessEnv, database: { url: string } | { dataDir: string }): NodeJS.ProcessEnv {
  const result = { ...env };
  if ("url" in database) {
    result.DATABASE_URL = database.url;
    delete result.TOILCAP_DATA_DIR;
  } else {
    delete result.DATABASE_URL;
    result.TOILCAP_DATA_DIR = database.dataDir;
  }
  return result;
}

async function startServer(
  url: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  probePath: string,
): Promise<RunningServer> {
  const child = spawn(process.execPath, args, { env, stdio: ["ignore", "ignore", "inherit"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    await waitUntilReady(url, child, probePath);
  } catch (error) {
    child.kill("SIGTERM");
    throw error;
  }
  return {
    url,
    pid: child.pid ?? 0,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Signs in through better-auth's endpoint, as a browser would, and returns the session cookie. */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in of ${email} failed: ${response.status} ${await response.text()}`);
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(";")[0] ?? "");
  const session = cookies.filter((cookie) => cookie.includes("session_token"));
  if (session.length === 0) throw new Error(`sign-in of ${email} set no session cookie`);
  return session.join("; ");
}
