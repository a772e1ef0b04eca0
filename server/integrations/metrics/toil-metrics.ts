import "server-only";
import { Counter, Gauge, Registry } from "prom-client";
import type { Db } from "@/db/client";
import type { Viewer } from "@/server/auth/permissions";
import { teamToil, type TeamToilReport } from "@/server/services/reports/team-toil";
import { interruptCounts, type InterruptCount } from "./interrupt-counts";
import { scrapeableTeams } from "./scrape-scope";
import { webhookRequestCounts, type WebhookRequestCount } from "./webhook-request-counts";

const TEAM_LABELS = ["team", "team_id"] as const;
const ENGINEER_LABELS = ["team", "team_id", "engineer", "engineer_id"] as const;
const INTERRUPT_LABELS = ["team", "team_id", "source", "kind"] as const;
const WEBHOOK_LABELS = ["team", "team_id", "integration", "integration_id", "kind", "outcome"] as const;

/**
 * A fresh registry per scrape: the app servers are stateless and every number comes from the database, so
 * nothing may linger in a process-wide default registry between requests or across instances.
 */
function toilRegistry() {
  const registry = new Registry();
  const registers = [registry];
  return {
    registry,
    toilShare: new Gauge({
      name: "toilcap_toil_share",
      help: "An engineer's toil share (operational / worked, 0..1) of the current month so far.",
      labelNames: ENGINEER_LABELS,
      registers,
    }),
    onCallShare: new Gauge({
      name: "toilcap_on_call_share",
      help: "An engineer's on-call share (on-call duty / worked, 0..1) of the current month so far.",
      labelNames: ENGINEER_LABELS,
      registers,
    }),
    provisional: new Gauge({
      name: "toilcap_share_provisional",
      help: "1 while the engineer's shares of the current month are provisional (less than 8 scheduled hours counted: too early to tell, never a breach), else 0.",
      labelNames: ENGINEER_LABELS,
      registers,
    }),
    capBreach: new Gauge({
      name: "toilcap_toil_cap_breach",
      help: "1 when the engineer's toil share of the current month is over the team's toil cap and not provisional, else 0.",
      labelNames: ENGINEER_LABELS,
      registers,
    }),
    onCallCapBreach: new Gauge({
      name: "toilcap_on_call_cap_breach",
      help: "1 when the engineer's on-call share of the current month is over the team's on-call cap, else 0.",
      labelNames: ENGINEER_LABELS,
      registers,
    }),
    teamToilShare: new Gauge({
      name: "toilcap_team_toil_share",
      help: "The team's toil share of the current month: its members' operational over their worked time.",
      labelNames: TEAM_LABELS,
      registers,
    }),
    teamOnCallShare: new Gauge({
      name: "toilcap_team_on_call_share",
      help: "The team's on-call share of the current month.",
      labelNames: TEAM_LABELS,
      registers,
    }),
    teamCapBreach: new Gauge({
      name: "toilcap_team_toil_cap_breach",
      help: "1 when the team's toil share of the current month is over its toil cap, else 0.",
      labelNames: TEAM_LABELS,
      registers,
    }),
    membersOverCap: new Gauge({
      name: "toilcap_team_members_over_toil_cap",
      help: "Engineers of the team whose toil share of the current month is over the toil cap.",
      labelNames: TEAM_LABELS,
      registers,
    }),
    toilCap: new Gauge({ name: "toilcap_toil_cap", help: "The team's toil cap (0..1).", labelNames: TEAM_LABELS, registers }),
    onCallCap: new Gauge({ name: "toilcap_on_call_cap", help: "The team's on-call cap (0..1).", labelNames: TEAM_LABELS, registers }),
    interruptsRecorded: new Counter({
      name: "toilcap_interrupts_recorded_total",
      help: "Interrupts ever stored for the team (removed ones included), by source (manual, alertmanager, csv, ...) and kind.",
      labelNames: INTERRUPT_LABELS,
      registers,
    }),
    capturedInterrupts: new Gauge({
      name: "toilcap_captured_interrupts",
      help: "Interrupts an integration captured, not removed, by source, kind and capture status (captured = awaiting its engineer).",
      labelNames: [...INTERRUPT_LABELS, "capture_status"],
      registers,
    }),
    webhookRequests: new Counter({
      name: "toilcap_webhook_requests_total",
      help: "Webhook requests of each integration (alertmanager, ticket-webhook) by outcome: accepted (stored or changed something), duplicate (changed nothing), rejected (4xx), failed (5xx, best effort). Unknown secrets are not counted.",
      labelNames: WEBHOOK_LABELS,
      registers,
    }),
  };
}

type ToilRegistry = ReturnType<typeof toilRegistry>;

function recordTeam(metrics: ToilRegistry, report: TeamToilReport): void {
  const teamLabels = { team: report.team.name, team_id: report.team.id };
  for (const member of report.members) {
    const labels = { ...teamLabels, engineer: member.name, engineer_id: member.personId };
    metrics.toilShare.set(labels, member.accounting.toilShare);
    metrics.onCallShare.set(labels, member.accounting.onCallShare);
    metrics.provisional.set(labels, member.toilCap.provisional ? 1 : 0);
    metrics.capBreach.set(labels, member.toilCap.over ? 1 : 0);
    metrics.onCallCapBreach.set(labels, member.onCallCap.over ? 1 : 0);
  }
  metrics.teamToilShare.set(teamLabels, report.totals.accounting.toilShare);
  metrics.teamOnCallShare.set(teamLabels, report.totals.accounting.onCallShare);
  metrics.teamCapBreach.set(teamLabels, report.totals.toilCap.over ? 1 : 0);
  metrics.membersOverCap.set(teamLabels, report.totals.membersOverToilCap);
  metrics.toilCap.set(teamLabels, report.caps.toilCap);
  metrics.onCallCap.set(teamLabels, report.caps.onCallCap);
}

function recordInterrupts(metrics: ToilRegistry, teamName: Map<string, string>, counts: InterruptCount[]): void {
  const recorded = new Map<string, { labels: Record<(typeof INTERRUPT_LABELS)[number], string>; n: number }>();
  for (const row of counts) {
    const labels = { team: teamName.get(row.teamId) ?? "", team_id: row.teamId, source: row.source, kind: row.kind };
    const key = `${row.teamId}\u0000${row.source}\u0000${row.kind}`;
    const entry = recorded.get(key) ?? { labels, n: 0 };
    entry.n += row.recorded;
    recorded.set(key, entry);
    if (row.captureStatus !== null) metrics.capturedInterrupts.set({ ...labels, capture_status: row.captureStatus }, row.live);
  }
  for (const { labels, n } of recorded.values()) metrics.interruptsRecorded.inc(labels, n);
}

function recordWebhookRequests(metrics: ToilRegistry, teamName: Map<string, string>, counts: WebhookRequestCount[]): void {
  for (const row of counts) {
    metrics.webhookRequests.inc(
      {
        team: teamName.get(row.teamId) ?? "",
        team_id: row.teamId,
        integration: row.integrationName,
        integration_id: row.integrationId,
        kind: row.kind,
        outcome: row.outcome,
      },
      row.count,
    );
  }
}

export type MetricsScrape = { ok: true; registry: Registry } | { ok: false; reason: "forbidden" };

/**
 * The metrics one token's owner may scrape: for each team they may see every engineer of (admins: all of the
 * organisation's; managers: theirs), the current month's shares as the toil-cap report computes them, on the
 * owner's calendar, counts of stored interrupts, and webhook requests by outcome. Anyone else is refused (answer 403).
 */
export async function scrapeToilMetrics(db: Db, viewer: Viewer, now: Date): Promise<MetricsScrape> {
  const teams = await scrapeableTeams(db, viewer);
  if (teams.length === 0) return { ok: false, reason: "forbidden" };
  const metrics = toilRegistry();
  // One team after another: each report loads a year of facts, and a scrape should not flood the pool.
  for (const t of teams) {
    recordTeam(metrics, await teamToil(db, viewer, { teamId: t.id, period: "month" }, now));
  }
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const teamIds = teams.map((t) => t.id);
  recordInterrupts(metrics, teamName, await interruptCounts(db, teamIds));
  recordWebhookRequests(metrics, teamName, await webhookRequestCounts(db, teamIds));
  return { ok: true, registry: metrics.registry };
}
