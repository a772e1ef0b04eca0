import fs from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

/**
 * Two production servers per run: one with the demo data, one empty (for the first-admin journey).
 * E2E_ENGINE=postgres points them at E2E_DEMO_DATABASE_URL / E2E_EMPTY_DATABASE_URL (npm test creates
 * those); otherwise each gets its own PGlite directory under data/e2e.
 */
const root = path.resolve(import.meta.dirname, "..");
const engine = process.env.E2E_ENGINE === "postgres" ? "postgres" : "pglite";
export const DEMO_PORT = Number(process.env.E2E_DEMO_PORT ?? 3210);
export const EMPTY_PORT = Number(process.env.E2E_EMPTY_PORT ?? 3211);

// Debian's Chromium when present (CI, this machine); Playwright's own browser on a laptop.
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((file) => fs.existsSync(file));

function serverEnv(kind: "demo" | "empty"): Record<string, string> {
  const port = kind === "demo" ? DEMO_PORT : EMPTY_PORT;
  const env: Record<string, string> = {
    TOILCAP_SEED: kind === "demo" ? "demo" : "none",
    NODE_ENV: "production",
    PORT: String(port),
    // Production refuses to start without its public address, and answers for that Host only.
    BETTER_AUTH_URL: `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
    // Many journeys sign in within a minute from one address; the limit itself is tested in integration.
    TOILCAP_SIGN_IN_LIMIT: "1000",
  };
  const url = kind === "demo" ? process.env.E2E_DEMO_DATABASE_URL : process.env.E2E_EMPTY_DATABASE_URL;
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
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ?? path.join(root, "reports", `e2e-${engine}.json`) }]],
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
  webServer: (["demo", "empty"] as const).map((kind) => {
    const port = kind === "demo" ? DEMO_PORT : EMPTY_PORT;
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
