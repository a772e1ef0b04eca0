import { createHash } from "node:crypto";
import { DateTime } from "luxon";

/** What the benchmark organisation looks like: sizes, sites, accounts. Pure, so the SQL and the runner agree. */

export interface OrgSize {
  engineers: number;
  teams: number;
  /** How far back the history goes, in days: a year by default. */
  days: number;
}

export const DEFAULT_SIZE: OrgSize = { engineers: 200, teams: 20, days: 365 };

/** At most this many engineers share one rotation group (a primary, a secondary and ticket duty). */
export const GROUP_SIZE = 12;

export const BENCH_PASSWORD = "toilcap-bench";
export const BENCH_DOMAIN = "bench.example";

/**
 * Each team's home zone and second site. DST zones on both hemispheres, a zone without DST, and Adelaide's
 * half-hour offset, so the accounting meets every kind of wall clock.
 */
export const SITES: ReadonlyArray<readonly [home: string, second: string]> = [
  ["Europe/Berlin", "Europe/London"],
  ["America/New_York", "America/Chicago"],
  ["Australia/Sydney", "Asia/Singapore"],
  ["America/Los_Angeles", "America/Denver"],
  ["Asia/Tokyo", "Asia/Kolkata"],
  ["Europe/Dublin", "America/Sao_Paulo"],
  ["UTC", "Europe/Paris"],
  ["Pacific/Auckland", "Australia/Adelaide"],
];

export const SERVICES = ["payments-api", "checkout", "search", "ingest", "postgres-fleet", "cert-manager"] as const;

/** name, service index, minutes, category */
export const TEMPLATES: ReadonlyArray<readonly [string, number, number, "toil" | "overhead"]> = [
  ["Restart stuck workers", 3, 20, "toil"],
  ["Rotate TLS certificates", 5, 45, "toil"],
  ["Manual failover", 4, 60, "toil"],
  ["Weekly ops review", 0, 30, "overhead"],
];

export const ALERTS = [
  "HighErrorRate",
  "LatencyHigh",
  "DiskFilling",
  "PodCrashLooping",
  "CertExpiring",
  "QueueBacklog",
] as const;

export function engineerEmail(index: number): string {
  return `engineer-${String(index).padStart(4, "0")}@${BENCH_DOMAIN}`;
}

export function managerEmail(team: number): string {
  return `manager-${String(team).padStart(3, "0")}@${BENCH_DOMAIN}`;
}

export const ADMIN_EMAIL = `admin@${BENCH_DOMAIN}`;

export function teamName(team: number): string {
  return `Bench team ${String(team).padStart(3, "0")}`;
}

/**
 * The Alertmanager secret of team k's integration: derived, so the runner knows it without reading the database
 * (only its hash is stored, as for real integrations). 43 base64url characters, like a generated one.
 */
export function integrationSecret(team: number): string {
  return createHash("sha256").update(`toilcap-bench-integration-${team}`).digest("base64url");
}

/** The Monday (UTC calendar) on or before `days` days before now: when the rotations and history start. */
export function historyStart(now: Date, days: number): string {
  const back = DateTime.fromJSDate(now, { zone: "utc" }).startOf("day").minus({ days });
  return back.minus({ days: back.weekday - 1 }).toISODate() ?? "2000-01-03";
}

export function checkedSize(size: OrgSize): OrgSize {
  const whole = (value: number, min: number, max: number, what: string) => {
    if (!Number.isInteger(value) || value < min || value > max)
      throw new RangeError(`${what} must be a whole number from ${min} to ${max}`);
  };
  whole(size.engineers, 1, 100_000, "engineers");
  whole(size.teams, 1, Math.min(999, size.engineers), "teams");
  whole(size.days, 7, 1000, "days");
  return size;
}
