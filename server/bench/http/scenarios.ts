import type { BenchFixtures } from "../org/bench-fixtures";
import type { LoadSpec } from "./load-spec";

/**
 * The HTTP benchmarks, each a pair on the same database: the app's own endpoint (tRPC, or the Alertmanager
 * webhook) and its raw-SQL baseline (server/bench/baselines, a server of its own). Concurrency is fixed per benchmark. Reports
 * are CPU-bound reads: two in flight keep both cores of the target machine busy (far more reports per second than
 * 20 managers ask for), and more in flight would only add queueing to the latency. Logging runs at the 50
 * connections; Alertmanager delivers from ten groups at once.
 */
export const CONNECTIONS = { teamReport: 2, orgSummary: 2, logEntry: 50, ingest: 10 } as const;
export const ALERTS_PER_NOTIFICATION = 10;

export interface ScenarioPair {
  key: "teamReport" | "orgSummary" | "logEntry" | "ingest";
  name: string;
  /** Items each request carries: alerts for ingest, else 1. */
  itemsPerRequest: number;
  stack: LoadSpec;
  baseline: LoadSpec;
}

const trpcQuery = (procedure: string, input: unknown) =>
  `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;

export interface Sessions {
  admin: string;
  /** The manager of each team, in the order of fixtures.teams. */
  managers: string[];
  loggers: string[];
}

export function scenarioPairs(
  urls: { app: string; baselines: string },
  fixtures: BenchFixtures,
  sessions: Sessions,
  timing: { warmupSeconds: number; seconds: number },
): ScenarioPair[] {
  const base = { url: urls.app, ...timing, body: { kind: "none" as const } };
  const baselineBase = { ...base, url: urls.baselines };
  const runId = Date.now().toString(36);
  return [
    {
      key: "teamReport",
      name: "(a) team quarter report",
      itemsPerRequest: 1,
      stack: {
        ...base,
        method: "GET",
        connections: CONNECTIONS.teamReport,
        cookies: sessions.managers,
        paths: fixtures.teams.map((team) => trpcQuery("reports.teamToil", { teamId: team.id, period: "quarter" })),
      },
      baseline: {
        ...baselineBase,
        method: "GET",
        connections: CONNECTIONS.teamReport,
        cookies: [],
        paths: fixtures.teams.map(
          (team) => `/bench/team-report?team=${team.id}&zone=${encodeURIComponent(team.teamZone)}`,
        ),
      },
    },
    {
      key: "orgSummary",
      name: "(b) org-wide summary",
      itemsPerRequest: 1,
      stack: {
        ...base,
        method: "GET",
        connections: CONNECTIONS.orgSummary,
        cookies: [sessions.admin],
        paths: [trpcQuery("reports.orgSummary", { period: "quarter" })],
      },
      baseline: {
        ...baselineBase,
        method: "GET",
        connections: CONNECTIONS.orgSummary,
        cookies: [],
        paths: [`/bench/org-summary?org=${fixtures.organisationId}&zone=${encodeURIComponent(fixtures.adminZone)}`],
      },
    },
    {
      key: "logEntry",
      name: "(c) logging an entry",
      itemsPerRequest: 1,
      stack: {
        ...base,
        method: "POST",
        connections: CONNECTIONS.logEntry,
        cookies: sessions.loggers,
        paths: ["/api/trpc/workLog.create"],
        body: { kind: "trpc-entry" },
      },
      baseline: {
        ...baselineBase,
        method: "POST",
        connections: CONNECTIONS.logEntry,
        cookies: sessions.loggers,
        paths: ["/bench/work-entry"],
        body: { kind: "raw-entry" },
      },
    },
    {
      key: "ingest",
      name: "(d) Alertmanager ingest",
      itemsPerRequest: ALERTS_PER_NOTIFICATION,
      stack: {
        ...base,
        method: "POST",
        connections: CONNECTIONS.ingest,
        cookies: [],
        paths: fixtures.teams.map((team) => `/api/integrations/alertmanager/${team.alertmanagerSecret}`),
        body: { kind: "alertmanager", alerts: ALERTS_PER_NOTIFICATION, runId: `s${runId}` },
      },
      baseline: {
        ...baselineBase,
        method: "POST",
        connections: CONNECTIONS.ingest,
        cookies: [],
        paths: fixtures.teams.map((team) => `/bench/alertmanager/${team.alertmanagerSecret}`),
        body: { kind: "alertmanager", alerts: ALERTS_PER_NOTIFICATION, runId: `b${runId}` },
      },
    },
  ];
}
