import fs from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { oidcEnv } from "./sso-support";

/**
 * Three production servers per run: one with the demo data, one empty (for the first-admin journey), and one
 * with the demo data whose clock starts on a fixed instant (TOILCAP_CLOCK_START: a Monday morning), for
 * journeys about a given moment of the week. E2E_ENGINE=postgres points them at E2E_DEMO_DATABASE_URL /
 * E2E_EMPTY_DATABASE_URL / E2E_CLOCK_DATABASE_URL (npm test creates those); otherwise each gets its own PGlite
 * directory under data/e2e.
 */
const root = path.resolve(import.meta.dirname, "..");
const engine = process.env.E2E_ENGINE === "postgres" ? "postgres" : "pglite";
export const DEMO_PORT = Number(process.env.E2E_DEMO_PORT ?? 3210);
export const EMPTY_PORT = Number(process.env.E2E_EMPTY_PORT ?? 3211);
export const CLOCK_PORT = Number(process.env.E2E_CLOCK_PORT ?? 3212);
/** The clock server's start: Monday 30 March 2026, 08:40 in Berlin, the first working day of summer time. */
export const CLOCK_START = "2026-03-30T08:40:00+02:00";

type ServerKind = "demo" | "empty" | "clock";
const PORTS: Record<ServerKind, number> = { demo: DEMO_PORT, empty: EMPTY_PORT, clock: CLOCK_PORT };
const DATABASE_URLS: Record<ServerKind, string | undefined> = {
  demo: process.env.E2E_DEMO_DATABASE_URL,
  empty: process.env.E2E_EMPTY_DATABASE_URL,
  clock: process.env.E2E_CLOCK_DATABASE_URL,
};

// Debian's Chromium when present (CI, this machine); Playwright's own browser on a laptop.
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((file) => fs.existsSync(file));

function serverEnv(kind: ServerKind): Record<string, string> {
  const port = PORTS[kind];
  const env: Record<string, string> = {
    TOILCAP_SEED: kind === "empty" ? "none" : "demo",
    NODE_ENV: "production",
    PORT: String(port),
    // Production refuses to start without its public address, and answers for that Host only.
    BETTER_AUTH_URL: `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
    // Many journeys sign in within a minute from one address; the limit itself is tested in integration.
    TOILCAP_SIGN_IN_LIMIT: "1000",
    // The journeys' webhook receivers listen on loopback, which webhooks reach only when allow-listed.
    TOILCAP_WEBHOOK_ALLOW_HOSTS: "127.0.0.1",
    // Single sign-on against the OpenID provider e2e/sso.spec.ts starts (discovery is retried until it runs).
    ...(kind === "demo" ? oidcEnv() : {}),
    // One line per request would drown the test output; failures still log.
    LOG_LEVEL: "warn",
  };
  if (kind === "clock") env.TOILCAP_CLOCK_START = CLOCK_START;
  const url = DATABASE_URLS[kind];
  if (engine === "postgres") {
    if (!url) throw new Error(`E2E_ENGINE=postgres needs E2E_${kind.toUpperCase()}_DATABASE_URL`);
    env.DATABASE_URL = url;
  } else {
    env.TOILCAP_DATA_DIR = path.join(root, "data", "e2e", kind);
    env.DATABASE_URL = "";
  }
  return env;
}

export default defineConfig({
  testDir: ".",
  outputDir: path.join(root, "test-results", engine),
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  // Journeys of the embedded engine alone; npm test runs only the @postgres journeys on PostgreSQL.
  grepInvert: engine === "postgres" ? /@pglite/ : undefined,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [
    ["list"],
    [
      "json",
      { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ?? path.join(root, "reports", `e2e-${engine}.json`) },
    ],
  ],
  use: {
    baseURL: `http://localhost:${DEMO_PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    timezoneId: "Europe/Berlin",
    locale: "en-GB",
  },
  projects: [
    {
      name: `chromium-${engine}`,
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: systemChromium
          ? {
              executablePath: systemChromium,
              args: [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
              ],
            }
          : {},
      },
    },
  ],
  webServer: (["demo", "empty", "clock"] as const).map((kind) => {
    const port = PORTS[kind];
    return {
      command: `node --import tsx ${path.join(root, "server", "cli", "serve.ts")}`,
      cwd: root,
      url: `http://localhost:${port}/sign-in`,
      env: serverEnv(kind),
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe" as const,
      stderr: "pipe" as const,
    };
  }),
});
