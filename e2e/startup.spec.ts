import { spawn } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";

const root = path.resolve(import.meta.dirname, "..");

/** Starts the production server with extra env and returns its exit code and output (it must exit). */
function startServer(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const server = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-p", "3299"], {
      cwd: root,
      env: { ...process.env, TOILCAP_SEED: "none", ...env },
    });
    let output = "";
    server.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    server.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      server.kill("SIGKILL");
      reject(new Error(`server did not exit; output:\n${output}`));
    }, 25_000);
    server.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

// The lock guards the embedded engine only: @pglite journeys are left out of PostgreSQL runs (playwright.config.ts).
test("a second server on the embedded data directory in use refuses to start with one clear line @pglite", async () => {
  const { code, output } = await startServer({
    DATABASE_URL: "",
    TOILCAP_DATA_DIR: path.join(root, "data", "e2e", "demo"),
    BETTER_AUTH_URL: "http://localhost:3299",
  });
  expect(code).toBe(1);
  expect(output).toMatch(
    /Toilcap cannot start: The embedded database .* is in use by another Toilcap server \(PID \d+\)/,
  );
});

test("an unreachable DATABASE_URL stops the server at start with one clear line @postgres", async () => {
  const { code, output } = await startServer({
    DATABASE_URL: "postgres://nobody@127.0.0.1:1/toilcap",
    BETTER_AUTH_URL: "http://localhost:3299",
  });
  expect(code).toBe(1);
  expect(output).toContain("Toilcap cannot start: Cannot reach PostgreSQL at 127.0.0.1:1/toilcap");
});

test("production without BETTER_AUTH_URL refuses to start, naming the variable", async () => {
  const { code, output } = await startServer({
    DATABASE_URL: "postgres://nobody@127.0.0.1:1/toilcap",
    BETTER_AUTH_URL: "",
  });
  expect(code).toBe(1);
  expect(output).toContain("Toilcap cannot start: invalid environment: BETTER_AUTH_URL: is required");
});
