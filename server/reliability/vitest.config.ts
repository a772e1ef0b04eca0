import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * The system tests (`*.system.test.ts`): the production build under load, killed with -9, an import killed
 * halfway. They start real servers and processes, so they run one file at a time, only after `next build`
 * (npm test runs them so), never with the unit and integration projects of server/vitest.config.ts.
 */
const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

export default defineConfig({
  root: repoRoot,
  resolve: {
    alias: {
      "@/": repoRoot,
      "server-only": fileURLToPath(new URL("../testing/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 120_000,
    projects: [{ extends: true, test: { name: "system", include: ["server/**/*.system.test.ts"] } }],
  },
});
