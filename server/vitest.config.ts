import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const engine = process.env.TEST_ENGINE === "postgres" ? "postgres" : "pglite";

export default defineConfig({
  root: repoRoot,
  resolve: {
    alias: {
      "@/": repoRoot,
      // `server-only` throws outside a React server bundle; tests run server modules directly.
      "server-only": fileURLToPath(new URL("./testing/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Breach checks behind writes run at once, so a test can settle them (servers gather them for 5 s).
    env: { TOILCAP_BREACH_CHECK_INTERVAL_MS: "0" },
    setupFiles: ["server/testing/settle-after-each.ts", "server/testing/property-seed.ts"],
    projects: [
      // The system tests (*.system.test.ts) need the production build: server/reliability/vitest.config.ts.
      {
        extends: true,
        test: {
          name: "unit",
          include: ["server/**/*.test.ts", "db/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/*.system.test.ts", "node_modules/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["server/**/*.int.test.ts", "db/**/*.int.test.ts"],
          exclude: ["**/*.pglite.int.test.ts", "**/*.postgres.int.test.ts", "node_modules/**"],
        },
      },
      // Tests of one engine alone (*.ENGINE.int.test.ts): only that engine's project exists, so no run skips them.
      {
        extends: true,
        test: {
          name: `${engine}-only`,
          include: [`server/**/*.${engine}.int.test.ts`, `db/**/*.${engine}.int.test.ts`],
        },
      },
    ],
  },
});
