import { randomBytes } from "node:crypto";
import {
  type Answer,
  firingAlert,
  getPage,
  postAlert,
  type Session,
  trpcData,
  trpcMutation,
  trpcQuery,
} from "./http-client";
import type { LoadTarget } from "./load-target";
import { percentile } from "@/server/bench/percentile";

/**
 * A closed-loop load: `connections` clients, each sending its next request when the previous one answered,
 * until the time is up (or `stop` fires). Reads are what people open most (My work, their share, the team
 * report); writes log work entries as several engineers and deliver Alertmanager notifications. Every write
 * the server acknowledged is recorded (the entry's id, the alert's fingerprint) to look for afterwards.
 */

export type OperationName = "home" | "share" | "teamReport" | "logEntry" | "alert";
export type Mix = ReadonlyArray<readonly [OperationName, number]>;

export const MIXED: Mix = [
  ["home", 15],
  ["share", 20],
  ["teamReport", 15],
  ["logEntry", 40],
  ["alert", 10],
];
export const WRITES_ONLY: Mix = [
  ["logEntry", 80],
  ["alert", 20],
];

export interface LoadOptions {
  target: LoadTarget;
  connections: number;
  durationMs: number;
  mix: Mix;
  /** Ends the load early; requests in flight are abandoned (and their writes not counted as acknowledged). */
  stop?: AbortSignal;
  /** Kept up to date while the load runs: pass one in to watch it. */
  live?: LiveLoad;
}

export interface LiveLoad {
  acked: AckedWrites;
  /** Requests sent and not yet answered. */
  inFlight: number;
}

export interface OperationStats {
  requests: number;
  statuses: Record<string, number>;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface AckedWrites {
  entries: Array<{ id: string; summary: string }>;
  alerts: string[];
}

export interface LoadResult {
  durationMs: number;
  requests: number;
  perSecond: number;
  operations: Partial<Record<OperationName, OperationStats>>;
  /** Answers 500 and above. */
  serverErrors: number;
  /** No answer: connection refused or reset, timed out. */
  failures: number;
  /** Answers other than 200 below 500 (a 401 would mean the sessions broke). */
  unexpected: number;
  /** Requests sent again because the server had just closed their idle kept-alive connection (see http-request.ts). */
  retried: number;
  /** The first problems, as "operation: what happened", for the failure message. */
  samples: string[];
  acked: AckedWrites;
}

// Node's own limit for a request (server.requestTimeout). On PGlite the one server thread saturates and Node
// serves connections opened meanwhile only as the load eases: a long tail the figures should show, not cut off.
const REQUEST_TIMEOUT_MS = 300_000;
const SAMPLES = 12;

function pick<T>(items: readonly T[], n: number): T {
  const item = items[n % items.length];
  if (item === undefined) throw new Error("nothing to pick from");
  return item;
}

function chooser(mix: Mix): () => OperationName {
  const total = mix.reduce((sum, [, weight]) => sum + weight, 0);
  return () => {
    let roll = Math.random() * total;
    for (const [name, weight] of mix) {
      roll -= weight;
      if (roll < 0) return name;
    }
    return mix[0]?.[0] ?? "home";
  };
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { target } = options;
  const run = randomBytes(4).toString("hex");
  const latencies = new Map<OperationName, number[]>();
  const statuses = new Map<OperationName, Record<string, number>>();
  const live: LiveLoad = options.live ?? { acked: { entries: [], alerts: [] }, inFlight: 0 };
  const { acked } = live;
  const result = { serverErrors: 0, failures: 0, unexpected: 0, retried: 0, samples: [] as string[] };
  const note = (problem: string) => {
    if (result.samples.length < SAMPLES) result.samples.push(problem);
  };
  const next = chooser(options.mix);
  let sequence = 0;

  async function send(
    operation: OperationName,
    engineer: Session,
    n: number,
    signal: AbortSignal,
  ): Promise<{ answer: Answer; ack?: () => void }> {
    switch (operation) {
      case "home":
        return { answer: await getPage(target.baseUrl, engineer, "/", signal) };
      case "share":
        return { answer: await trpcQuery(target.baseUrl, engineer, "share.mine", { period: "week" }, signal) };
      case "teamReport":
        return {
          answer: await trpcQuery(
            target.baseUrl,
            target.manager,
            "reports.teamToil",
            { teamId: target.teamId, period: "month" },
            signal,
          ),
        };
      case "logEntry": {
        const summary = `load ${run} #${n}`;
        const answer = await trpcMutation(
          target.baseUrl,
          engineer,
          "workLog.create",
          { summary, duration: "15m", category: n % 4 === 0 ? "overhead" : "toil" },
          signal,
        );
        return { answer, ack: () => acked.entries.push({ id: trpcData<{ id: string }>(answer).id, summary }) };
      }
      case "alert": {
        const fingerprint = `load-${run}-${n}`;
        const answer = await postAlert(
          target.baseUrl,
          target.alertSecret,
          firingAlert(fingerprint, new Date().toISOString()),
          signal,
        );
        return {
          answer,
          ack: () => {
            const body = JSON.parse(answer.body) as { created?: number };
            if (body.created !== 1) throw new Error(`created ${String(body.created)} pages`);
            acked.alerts.push(fingerprint);
          },
        };
      }
    }
  }

  async function client(index: number, deadline: number): Promise<void> {
    while (performance.now() < deadline && !options.stop?.aborted) {
      const operation = next();
      const n = sequence++;
      const engineer = pick(target.engineers, index + n);
      const signal = options.stop
        ? AbortSignal.any([options.stop, AbortSignal.timeout(REQUEST_TIMEOUT_MS)])
        : AbortSignal.timeout(REQUEST_TIMEOUT_MS);
      const started = performance.now();
      let status: string;
      live.inFlight += 1;
      try {
        const { answer, ack } = await send(operation, engineer, n, signal);
        live.inFlight -= 1;
        if (answer.retried) result.retried += 1;
        status = String(answer.status);
        if (answer.status >= 500) {
          result.serverErrors += 1;
          note(`${operation}: ${answer.status} ${answer.body.slice(0, 200)}`);
        } else if (answer.status !== 200) {
          result.unexpected += 1;
          note(`${operation}: ${answer.status} ${answer.body.slice(0, 200)}`);
        } else if (ack) {
          try {
            ack();
          } catch (error) {
            result.unexpected += 1;
            note(`${operation}: 200 but ${error instanceof Error ? error.message : String(error)}`);
          }
        }
      } catch (error) {
        live.inFlight -= 1;
        if (options.stop?.aborted) break;
        status = "no answer";
        result.failures += 1;
        const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
        note(`${operation}: ${error instanceof Error ? error.message : String(error)}${cause}`);
      }
      const own = statuses.get(operation) ?? {};
      own[status] = (own[status] ?? 0) + 1;
      statuses.set(operation, own);
      const times = latencies.get(operation) ?? [];
      times.push(performance.now() - started);
      latencies.set(operation, times);
    }
  }

  const started = performance.now();
  const deadline = started + options.durationMs;
  await Promise.all(Array.from({ length: options.connections }, (_, i) => client(i, deadline)));
  const durationMs = performance.now() - started;

  const operations: Partial<Record<OperationName, OperationStats>> = {};
  let requests = 0;
  for (const [name, times] of latencies) {
    const sorted = [...times].sort((a, b) => a - b);
    requests += sorted.length;
    operations[name] = {
      requests: sorted.length,
      statuses: statuses.get(name) ?? {},
      p50: Math.round(percentile(sorted, 50)),
      p95: Math.round(percentile(sorted, 95)),
      p99: Math.round(percentile(sorted, 99)),
      max: Math.round(sorted.at(-1) ?? 0),
    };
  }
  return {
    durationMs: Math.round(durationMs),
    requests,
    perSecond: Math.round((requests * 1000) / durationMs),
    operations,
    ...result,
    acked,
  };
}
