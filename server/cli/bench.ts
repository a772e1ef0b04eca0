/**
 * `npm run bench [-- --engineers N] [--teams N] [--engine pglite] [--quick] [--seconds S] [--only teamReport,...,pages]
 *   [--requests N] [--profile DIR] [--skip-build] [--reuse]`:
 * The benchmark. Generates an organisation (default 200 engineers in 20 teams, a year of history) in a fresh
 * database, serves the production build on it, measures each endpoint against a raw-SQL baseline with autocannon
 * from a separate process, then the most-opened pages on the demo one request at a time (`--only pages` for just
 * those, `--requests N` measured per page), then shift expansion in-process and the first-load JavaScript.
 * Prints a table and writes reports/bench.json. See server/bench/run-bench.ts.
 */
import { parseArgs } from "node:util";
import { DEFAULT_SIZE } from "@/server/bench/org/org-shape";
import { runBench } from "@/server/bench/run-bench";

const { values } = parseArgs({
  options: {
    engineers: { type: "string" },
    teams: { type: "string" },
    days: { type: "string" },
    engine: { type: "string", default: "postgres" },
    quick: { type: "boolean", default: false },
    seconds: { type: "string" },
    warmup: { type: "string" },
    port: { type: "string", default: process.env.BENCH_PORT ?? "3340" },
    only: { type: "string" },
    requests: { type: "string" },
    "skip-build": { type: "boolean", default: false },
    profile: { type: "string" },
    reuse: { type: "boolean", default: false },
  },
});

function whole(value: string | undefined, fallback: number, what: string): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`--${what} must be a whole number >= 1, got "${value}"`);
  return parsed;
}

if (values.engine !== "postgres" && values.engine !== "pglite") {
  console.error(`--engine must be postgres or pglite, got "${values.engine}"`);
  process.exit(2);
}

const quick = values.quick === true;
const size = quick
  ? {
      engineers: whole(values.engineers, 12, "engineers"),
      teams: whole(values.teams, 2, "teams"),
      days: whole(values.days, 28, "days"),
    }
  : {
      engineers: whole(values.engineers, DEFAULT_SIZE.engineers, "engineers"),
      teams: whole(values.teams, DEFAULT_SIZE.teams, "teams"),
      days: whole(values.days, DEFAULT_SIZE.days, "days"),
    };

runBench({
  size,
  engine: values.engine,
  quick,
  seconds: whole(values.seconds, quick ? 1 : 10, "seconds"),
  warmupSeconds: whole(values.warmup, quick ? 1 : 3, "warmup"),
  port: whole(values.port, 3340, "port"),
  postgresUrl: process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
  only: values.only ? values.only.split(",").map((key) => key.trim()) : null,
  pageRequests: whole(values.requests, quick ? 20 : 100, "requests"),
  skipBuild: values["skip-build"] === true,
  profileDir: values.profile ?? null,
  reuse: values.reuse === true,
}).catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
