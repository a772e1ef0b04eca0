/** What one load run sends, serialisable so the runner can hand it to the worker process. */
export interface LoadSpec {
  url: string;
  connections: number;
  /** Run first and thrown away (JIT, caches, connection pool), then `seconds` measured. */
  warmupSeconds: number;
  seconds: number;
  method: "GET" | "POST";
  /** Paths taken in turn, one per request. */
  paths: string[];
  /** Session cookies taken in turn, one per request; none for unauthenticated endpoints. */
  cookies: string[];
  body: BodySpec;
}

export type BodySpec =
  | { kind: "none" }
  /** workLog.create through tRPC (superjson), or the raw baseline's JSON: a short toil entry each time. */
  | { kind: "trpc-entry" }
  | { kind: "raw-entry" }
  /** An Alertmanager notification of `alerts` fresh firing alerts, one new group per request. */
  | { kind: "alertmanager"; alerts: number; runId: string };

export interface LoadResult {
  requests: number;
  /** Successful (2xx) requests per second over the measured seconds. */
  throughput: number;
  /** Milliseconds, from every measured response. */
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  /** Non-2xx answers, socket errors and timeouts in the measured seconds. */
  failures: number;
  /** Answers by HTTP status, to tell a refusal from a slow success. */
  statuses: Record<string, number>;
}

/** A measured run and the CPU it cost per successful request (null where it could not be read). */
export interface MeasuredLoad extends LoadResult {
  serverCpuMsPerRequest: number | null;
  databaseCpuMsPerRequest: number | null;
}
