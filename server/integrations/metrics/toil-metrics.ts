import "server-only";
import { Counter, Gauge, Registry } from "prom-client";
import type { Db } from "@/db/client";
import type { Viewer } from "@/server/auth/permissions";
import { ALERT_LOSS_REASONS } from "@/server/services/integrations/count-alert-loss";
import { WEBHOOK_OUTCOMES } from "@/server/services/integrations/count-webhook-request";
import { teamToil, type TeamToilReport } from "@/server/services/reports/team-toil";
import { overloadOfRotation } from "@/server/services/rotations/current-overloads";
import { overloadThresholdsOf } from "@/server/services/rotations/overload-thresholds";
import { activeRotations } from "@/server/services/rotations/rotation-rows";
import { interruptCounts, type InterruptCount } from "./interrupt-counts";
import { scrapeableTeams } from "./scrape-scope";
import {
  droppedAlertCounts,
  integrationsOf,
  webhookRequestCounts,
  type IntegrationCount,
  type ScrapedIntegration,
} from "./webhook-request-counts";

// Series are named by ids, so a rename does not start new series; names travel in the *_info metrics, to join on.
const TEAM_LABELS = ["team_id"] as const;
const ENGINEER_LABELS = ["team_id", "engineer_id"] as const;
const INTERRUPT_LABELS = ["team_id", "source", "kind"] as const;
const INTEGRATION_LABELS = ["team_id", "integration_id"] as const;

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
      name: "toilcap_toil_share_ratio",
      help: "An engineer's toil share (operational / worked, 0..1) of the current month so far.",
      labelNames: ENGINEER_LABELS,
      registers,
    }),
    onCallShare: new Gauge({
      name: "toilcap_on_call_share_ratio",
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
      name: "toilcap_team_toil_share_ratio",
      help: "The team's toil share (0..1) of the current month: its members' operational over their worked time.",
      labelNames: TEAM_LABELS,
      registers,
    }),
    teamOnCallShare: new Gauge({
      name: "toilcap_team_on_call_share_ratio",
      help: "The team's on-call share (0..1) of the current month.",
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
    toilCap: new Gauge({
      name: "toilcap_toil_cap_ratio",
      help: "The team's toil cap (0..1).",
      labelNames: TEAM_LABELS,
      registers,
    }),
    onCallCap: new Gauge({
      name: "toilcap_on_call_cap_ratio",
      help: "The team's on-call cap (0..1).",
      labelNames: TEAM_LABELS,
      registers,
    }),
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
      help: "Webhook requests of each integration by outcome: accepted (stored or changed something), duplicate (changed nothing), rejected (4xx), failed (5xx, best effort). Unknown secrets are not counted.",
      labelNames: [...INTEGRATION_LABELS, "outcome"],
      registers,
    }),
    droppedAlerts: new Counter({
      name: "toilcap_webhook_dropped_alerts_total",
      help: "Alerts a notification named but Toilcap did not store, by reason: truncated (left out by Alertmanager's max_alerts), oversize (past the size limit), invalid (unreadable).",
      labelNames: [...INTEGRATION_LABELS, "reason"],
      registers,
    }),
    rotationOverloaded: new Gauge({
      name: "toilcap_rotation_overloaded",
      help: "1 while a duty rotation's latest ended turns show it is more than one person can take (docs/duty-load.md), else 0.",
      labelNames: ["rotation_id"],
      registers,
    }),
    rotationInfo: new Gauge({
      name: "toilcap_rotation_info",
      help: "A duty rotation's team and name, by id (always 1).",
      labelNames: ["team_id", "rotation_id", "rotation"],
      registers,
    }),
    teamInfo: new Gauge({
      name: "toilcap_team_info",
      help: "A team's name, by id (always 1).",
      labelNames: ["team_id", "team"],
      registers,
    }),
    engineerInfo: new Gauge({
      name: "toilcap_engineer_info",
      help: "An engineer's name, by id (always 1).",
      labelNames: ["engineer_id", "engineer"],
      registers,
    }),
    integrationInfo: new Gauge({
      name: "toilcap_integration_info",
      help: "An integration's name and kind, by id (always 1).",
      labelNames: [...INTEGRATION_LABELS, "integration", "kind"],
      registers,
    }),
  };
}

type ToilRegistry = ReturnType<typeof toilRegistry>;

function recordTeam(metrics: ToilRegistry, report: TeamToilReport): void {
  const teamLabels = { team_id: report.team.id };
  metrics.teamInfo.set({ team_id: report.team.id, team: report.team.name }, 1);
  for (const member of report.members) {
    const labels = { ...teamLabels, engineer_id: member.personId };
    metrics.engineerInfo.set({ engineer_id: member.personId, engineer: member.name }, 1);
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

function recordInterrupts(metrics: ToilRegistry, counts: InterruptCount[]): void {
  const recorded = new Map<string, { labels: Record<(typeof INTERRUPT_LABELS)[number], string>; n: number }>();
  for (const row of counts) {
    const labels = { team_id: row.teamId, source: row.source, kind: row.kind };
    const key = `${row.teamId}\u0000${row.source}\u0000${row.kind}`;
    const entry = recorded.get(key) ?? { labels, n: 0 };
    entry.n += row.recorded;
    recorded.set(key, entry);
    if (row.captureStatus !== null)
      metrics.capturedInterrupts.set({ ...labels, capture_status: row.captureStatus }, row.live);
  }
  for (const { labels, n } of recorded.values()) metrics.interruptsRecorded.inc(labels, n);
}

/** Every counter of every integration starts at 0, so rate() and increase() see the first request too. */
function recordIntegrations(
  metrics: ToilRegistry,
  integrations: readonly ScrapedIntegration[],
  requests: readonly IntegrationCount[],
  dropped: readonly IntegrationCount[],
): void {
  const countOf = (counts: readonly IntegrationCount[], integrationId: string, label: string) =>
    counts.find((row) => row.integrationId === integrationId && row.label === label)?.count ?? 0;
  for (const item of integrations) {
    const labels = { team_id: item.teamId, integration_id: item.integrationId };
    metrics.integrationInfo.set({ ...labels, integration: item.integrationName, kind: item.kind }, 1);
    for (const outcome of WEBHOOK_OUTCOMES)
      metrics.webhookRequests.inc({ ...labels, outcome }, countOf(requests, item.integrationId, outcome));
    if (item.kind !== "alertmanager") continue;
    for (const reason of ALERT_LOSS_REASONS)
      metrics.droppedAlerts.inc({ ...labels, reason }, countOf(dropped, item.integrationId, reason));
  }
}

/** Every duty rotation has a series, at 0 until flagged; computed as the rotation page does, never written. */
async function recordOverloads(metrics: ToilRegistry, db: Db, teamId: string, now: Date): Promise<void> {
  const thresholds = await overloadThresholdsOf(db, teamId);
  for (const row of await activeRotations(db, [teamId])) {
    if (row.role === "shadow") continue;
    const flag = await overloadOfRotation(db, row, thresholds, now);
    metrics.rotationInfo.set({ team_id: teamId, rotation_id: row.id, rotation: row.name }, 1);
    metrics.rotationOverloaded.set({ rotation_id: row.id }, flag ? 1 : 0);
  }
}

export type MetricsScrape = { ok: true; registry: Registry } | { ok: false; reason: "forbidden" };

/**
 * The metrics one token's owner may scrape: for each team they may see every engineer of (admins: all of the
 * organisation's; managers: theirs), the current month's shares as the toil-cap report computes them, on the
 * owner's calendar, counts of stored interrupts, webhook requests by outcome and dropped alerts by reason, whether
 * each duty rotation is flagged as overloaded, and the names of teams, engineers, integrations and rotations as info
 * metrics. Anyone else is refused (answer 403).
 */
export async function scrapeToilMetrics(db: Db, viewer: Viewer, now: Date): Promise<MetricsScrape> {
  const teams = await scrapeableTeams(db, viewer);
  if (teams.length === 0) return { ok: false, reason: "forbidden" };
  const metrics = toilRegistry();
  // One team after another: each report loads a year of facts, and a scrape should not flood the pool.
  for (const t of teams) {
    recordTeam(metrics, await teamToil(db, viewer, { teamId: t.id, period: "month" }, now));
  }
  const teamIds = teams.map((t) => t.id);
  for (const teamId of teamIds) await recordOverloads(metrics, db, teamId, now);
  recordInterrupts(metrics, await interruptCounts(db, teamIds));
  const integrations = await integrationsOf(db, teamIds);
  const integrationIds = integrations.map((item) => item.integrationId);
  recordIntegrations(
    metrics,
    integrations,
    await webhookRequestCounts(db, integrationIds),
    await droppedAlertCounts(db, integrationIds),
  );
  return { ok: true, registry: metrics.registry };
}
