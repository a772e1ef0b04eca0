/**
 * `npm test`: every suite, in order, then one closing line summed over all of them:
 * type-check, vitest (unit + integration on PGlite), integration on PostgreSQL (TEST_DATABASE_URL),
 * the production build, Playwright end to end on each engine, and the system tests against the production
 * build (load, kill -9 of the server and of an import, on both engines).
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

const root = process.cwd();
const reports = path.join(root, "reports");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const LOCAL_POSTGRES = "postgres://postgres@127.0.0.1:5432/test";
// Lets several checkouts on one machine run their PostgreSQL e2e side by side.
const E2E_DB_SUFFIX = (process.env.E2E_DB_SUFFIX ?? "").replace(/[^a-z0-9_]/g, "");
// Journeys whose title carries this tag also run on PostgreSQL (see the e2e step below).
const POSTGRES_TAG = "@postgres";

/** TEST_DATABASE_URL, or the local server on 127.0.0.1:5432 when one answers, so `npm test` covers both engines. */
async function postgresForTests(): Promise<string | undefined> {
  if (process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL;
  const probe = new pg.Client({ connectionString: LOCAL_POSTGRES, connectionTimeoutMillis: 1500 });
  try {
    await probe.connect();
    await probe.end();
    console.info(`Using the PostgreSQL server at ${LOCAL_POSTGRES} for the PostgreSQL runs.`);
    return LOCAL_POSTGRES;
  } catch {
    return undefined;
  }
}

const pgUrl = await postgresForTests();
if (pgUrl) process.env.TEST_DATABASE_URL = pgUrl;
let stepFailed = false;
// In CI both engines are required: a missing PostgreSQL fails the run rather than shrinking it.
const postgresRequired = process.env.CI === "true" || process.env.CI === "1";

fs.rmSync(reports, { recursive: true, force: true });
fs.mkdirSync(reports, { recursive: true });

function run(
  label: string,
  command: string,
  args: string[],
  env: Record<string, string> = {},
  timeoutMs?: number,
): boolean {
  console.info(`\n=== ${label} ===`);
  const result = spawnSync(command, args, {
    stdio: "inherit",
    env: { ...process.env, ...env },
    timeout: timeoutMs,
    killSignal: "SIGKILL",
  });
  const ok = result.status === 0;
  if (!ok) console.error(`--- ${label} exited with ${result.status ?? result.signal}`);
  return ok;
}

/**
 * A step started in the background, its output kept in a file and printed when it is awaited. The output goes to a
 * file rather than a pipe, so a long synchronous step in the meantime can never block the child on a full pipe.
 */
function runInBackground(
  label: string,
  command: string,
  args: string[],
  env: Record<string, string> = {},
): () => Promise<boolean> {
  const log = path.join(reports, `${label.replace(/[^a-z0-9]+/gi, "-")}.log`);
  const out = fs.openSync(log, "w");
  const child = spawn(command, args, { stdio: ["ignore", out, out], env: { ...process.env, ...env } });
  fs.closeSync(out);
  const exited = new Promise<number | string>((resolve) => {
    child.on("exit", (code, signal) => resolve(code ?? signal ?? "no status"));
    child.on("error", (error) => resolve(error.message));
  });
  return async () => {
    const status = await exited;
    console.info(`\n=== ${label} ===`);
    process.stdout.write(fs.readFileSync(log, "utf8"));
    const ok = status === 0;
    if (!ok) console.error(`--- ${label} exited with ${status}`);
    return ok;
  };
}

function add(tally: Tally) {
  total.passed += tally.passed;
  total.failed += tally.failed;
  total.skipped += tally.skipped;
}

function readJson(file: string): unknown {
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : null;
}

function vitestTally(file: string): Tally | null {
  const report = readJson(file) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  } | null;
  if (!report) return null;
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

interface PlaywrightSuite {
  title: string;
  file?: string;
  specs?: { title: string; file: string; line: number; tests: { status: string }[] }[];
  suites?: PlaywrightSuite[];
}

/** "file:line title" of every test Playwright marked flaky (failed, then passed on a retry). */
function flakyTests(suites: PlaywrightSuite[]): string[] {
  return suites.flatMap((suite) => [
    ...(suite.specs ?? [])
      .filter((spec) => spec.tests.some((t) => t.status === "flaky"))
      .map((spec) => `${spec.file}:${spec.line} ${spec.title}`),
    ...flakyTests(suite.suites ?? []),
  ]);
}

/** A flaky test counts as failed: it passed on a retry, which hides a race or a shared-data dependency. */
function playwrightTally(file: string): Tally | null {
  const report = readJson(file) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    suites: PlaywrightSuite[];
  } | null;
  if (!report) return null;
  const { expected, unexpected, flaky, skipped } = report.stats;
  for (const name of flakyTests(report.suites)) console.error(`--- flaky (failed, then passed on retry): ${name}`);
  return { passed: expected, failed: unexpected + flaky, skipped };
}

function suite(label: string, ok: boolean, tally: Tally | null) {
  if (tally) add(tally);
  // A runner that died, or left no report (even exiting 0), still counts as a failure.
  if (!tally || (!ok && tally.failed === 0)) {
    total.failed += 1;
    stepFailed = true;
  }
  if (!ok) stepFailed = true;
  console.info(
    `--- ${label}: ${tally ? `passed=${tally.passed} failed=${tally.failed} skipped=${tally.skipped}` : "no report"}`,
  );
}

async function recreateDatabase(name: string) {
  if (!pgUrl) return "";
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const typecheckOk = run("type-check", bin("tsc"), ["--noEmit", "-p", "tsconfig.json"]);
suite("type-check", typecheckOk, { passed: typecheckOk ? 1 : 0, failed: typecheckOk ? 0 : 1, skipped: 0 });

// Lint and formatting (Biome) and unused files and exports (knip): one suite, so a finding fails the run.
const lintOk = run("lint: biome", bin("biome"), ["check", "."]) && run("lint: knip", bin("knip"), []);
suite("lint", lintOk, { passed: lintOk ? 1 : 0, failed: lintOk ? 0 : 1, skipped: 0 });

// The build would type-check again; it may skip that only when tsc above passed. It runs while vitest does: it
// leaves a core mostly idle for minutes, and no vitest test reads .next.
const build = runInBackground("next build", bin("next"), ["build"], {
  NEXT_TELEMETRY_DISABLED: "1",
  TOILCAP_TYPES_CHECKED: typecheckOk ? "1" : "0",
});

const vitestArgs = ["run", "--config", "server/vitest.config.ts", "--reporter=default", "--reporter=json"];
const pgliteFile = path.join(reports, "vitest-pglite.json");
suite(
  "vitest on PGlite",
  run("vitest: unit + integration on PGlite", bin("vitest"), [...vitestArgs, `--outputFile.json=${pgliteFile}`], {
    TEST_ENGINE: "pglite",
  }),
  vitestTally(pgliteFile),
);

if (pgUrl) {
  const pgFile = path.join(reports, "vitest-postgres.json");
  suite(
    "vitest on PostgreSQL",
    run(
      "vitest: integration on PostgreSQL",
      bin("vitest"),
      [...vitestArgs, "--project", "integration", "--project", "postgres-only", `--outputFile.json=${pgFile}`],
      {
        TEST_ENGINE: "postgres",
      },
    ),
    vitestTally(pgFile),
  );
} else if (postgresRequired) {
  console.error(
    `\n--- CI=true and no PostgreSQL answers (TEST_DATABASE_URL unset, nothing at ${LOCAL_POSTGRES}): failing the run`,
  );
  suite("PostgreSQL available", false, { passed: 0, failed: 1, skipped: 0 });
} else {
  console.info(
    "\n(TEST_DATABASE_URL is not set: the PostgreSQL integration and e2e runs are left out; CI=true makes this a failure)",
  );
}

const buildOk = await build();
suite("next build", buildOk, { passed: buildOk ? 1 : 0, failed: buildOk ? 0 : 1, skipped: 0 });

if (buildOk) {
  const engines = pgUrl ? (["pglite", "postgres"] as const) : (["pglite"] as const);
  for (const engine of engines) {
    fs.rmSync(path.join(root, "data", "e2e"), { recursive: true, force: true });
    const env: Record<string, string> = { E2E_ENGINE: engine };
    if (engine === "postgres") {
      env.E2E_DEMO_DATABASE_URL = await recreateDatabase(`toilcap_e2e_demo${E2E_DB_SUFFIX}`);
      env.E2E_EMPTY_DATABASE_URL = await recreateDatabase(`toilcap_e2e_empty${E2E_DB_SUFFIX}`);
      env.E2E_CLOCK_DATABASE_URL = await recreateDatabase(`toilcap_e2e_clock${E2E_DB_SUFFIX}`);
    }
    const file = path.join(reports, `e2e-${engine}.json`);
    env.PLAYWRIGHT_JSON_OUTPUT_FILE = file;
    // Every journey runs on PGlite; on PostgreSQL the journeys tagged @postgres, those that touch the engine
    // differently (sign-up, sessions, start-up, writes through the API), since everything above the driver is the
    // same code and the whole integration suite already runs on both. This keeps CI well under 15 minutes on 2 cores.
    const grep = engine === "postgres" ? ["--grep", POSTGRES_TAG] : [];
    suite(
      `Playwright on ${engine}`,
      run(
        `Playwright e2e on ${engine}`,
        bin("playwright"),
        ["test", "--config", "e2e/playwright.config.ts", ...grep],
        env,
      ),
      playwrightTally(file),
    );
  }
}

if (buildOk) {
  // After Playwright, on their own: each file starts production servers on scratch databases of both engines
  // (PostgreSQL's skipped without TEST_DATABASE_URL). A hung run is killed and counts as a failure.
  const systemFile = path.join(reports, "vitest-system.json");
  suite(
    "system tests",
    run(
      "vitest: system tests against the production build (load, kill -9, import crash)",
      bin("vitest"),
      [
        "run",
        "--config",
        "server/reliability/vitest.config.ts",
        "--reporter=default",
        "--reporter=json",
        `--outputFile.json=${systemFile}`,
      ],
      {},
      10 * 60_000,
    ),
    vitestTally(systemFile),
  );
}

console.info(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(stepFailed || total.failed > 0 ? 1 : 0);
