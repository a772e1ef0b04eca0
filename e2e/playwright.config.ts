import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { CLOCK_START, SYSTEM_CHROMIUM } from "./environment";
import { oidcEnv } from "./sso-support";

/**
 * Three production servers per run: one with the demo data, one empty (for the first-admin journey), and one
 * with the demo data whose clock starts on a fixed instant (TOILCAP_CLOCK_START: a Monday morning), for
 * journeys about a given moment of the week. E2E_ENGINE=postgres points them at E2E_DEMO_DATABASE_URL /
 * E2E_EMPTY_DATABASE_URL / E2E_CLOCK_DATABASE_URL (npm test creates those); otherwise each gets its own PGlite
 * directory under data/e2e.
 *
 * The visual snapshots (visual.spec.ts) are a project of their own, listed first so they run first: they read the
 * clock server while its clock is still a few minutes past its start, before the working day begins at 09:00.
 */
const root = path.resolve(import.meta.dirname, "..");
const engine = process.env.E2E_ENGINE === "postgres" ? "postgres" : "pglite";
export const DEMO_PORT = Number(process.env.E2E_DEMO_PORT ?? 3210);
export const EMPTY_PORT = Number(process.env.E2E_EMPTY_PORT ?? 3211);
export const CLOCK_PORT = Number(process.env.E2E_CLOCK_PORT ?? 3212);

type ServerKind = "demo" | "empty" | "clock";
const PORTS: Record<ServerKind, number> = { demo: DEMO_PORT, empty: EMPTY_PORT, clock: CLOCK_PORT };
const DATABASE_URLS: Record<ServerKind, string | undefined> = {
  demo: process.env.E2E_DEMO_DATABASE_URL,
  empty: process.env.E2E_EMPTY_DATABASE_URL,
  clock: process.env.E2E_CLOCK_DATABASE_URL,
};

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: SYSTEM_CHROMIUM
    ? {
        executablePath: SYSTEM_CHROMIUM,
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
};
const VISUAL = /visual\.spec\.ts$/;
/** Four long tests (every page, twice, per role): handed out first, so the short journeys fill in around them. */
const SWEEP = /phone-sweep\.spec\.ts$/;

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
  if (kind === "clock") {
    env.TOILCAP_CLOCK_START = CLOCK_START;
    // Its pages are compared with pictures: a sweep a minute after start would add breach alerts to some of them.
    env.TOILCAP_BREACH_SWEEP_SECONDS = "0";
  }
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
  // Long journeys take 20-30 s on a busy 2-core machine; a hang still fails within a minute.
  timeout: 60_000,
  expect: {
    timeout: 10_000,
    // Anti-aliasing may move a few pixels between runs; a moved block or a changed number is far more.
    toHaveScreenshot: { maxDiffPixelRatio: 0.001, animations: "disabled", caret: "hide", scale: "css" },
  },
  // Baselines beside the spec, one per name: they are Debian Chromium's (see environment.ts), on every platform.
  snapshotPathTemplate: "{testDir}/__screenshots__/{testFilePath}/{arg}{ext}",
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
    { name: `visual-${engine}`, testMatch: VISUAL, use: chromium },
    // After the snapshots: journeys on the clock server (cap breach, duty overload) write what they picture.
    // The sweep is its own project, listed before the journeys: the workers take the longest tests first and both
    // finish together, rather than one worker starting a 3-minute sweep while the other runs out of journeys.
    { name: `sweep-${engine}`, testMatch: SWEEP, use: chromium, dependencies: [`visual-${engine}`] },
    {
      name: `chromium-${engine}`,
      testIgnore: [VISUAL, SWEEP],
      use: chromium,
      dependencies: [`visual-${engine}`],
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
