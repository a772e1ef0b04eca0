import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { integration, interrupt } from "@/db/schema";
import { recordAudits, type AuditEvent } from "../audit";
import { captureAuditOf } from "./captured-interrupt";
import type { IntegrationRow } from "../integrations/find-integration";
import { silencesAt } from "../review/silences/silences-at";
import { alertKey, type AlertNotification, type AlertSignal, type CaptureOutcome } from "./alert-signal";
import { creditOnCall } from "./credit-on-call";
import { chooseIncident } from "./choose-incident";
import { mergeIncidents } from "./merge-incidents";

type InterruptRow = typeof interrupt.$inferSelect;

/** A notification may name the same firing twice; keep one, resolved over firing, so the outcome does not depend on order. */
function distinctAlerts(alerts: readonly AlertSignal[]): AlertSignal[] {
  const byKey = new Map<string, AlertSignal>();
  for (const alert of alerts) {
    const key = alertKey(alert.fingerprint, alert.startsAt);
    const seen = byKey.get(key);
    if (!seen || (seen.status === "firing" && alert.status === "resolved")) byKey.set(key, alert);
  }
  return [...byKey.values()];
}

/** When a resolved alert stopped: never before it started (clocks of different Prometheus servers disagree). */
function resolvedAtOf(alert: AlertSignal): Date | null {
  if (alert.status !== "resolved" || !alert.endsAt) return null;
  return alert.endsAt < alert.startsAt ? alert.startsAt : alert.endsAt;
}

/**
 * Notes the integration's use and, when there are alerts, takes the team's capture lock, in one statement:
 * deliveries for one team are taken one at a time, so a retry racing its original cannot start a second incident.
 */
async function touchAndLock(db: Db, source: IntegrationRow, now: Date, lock: boolean): Promise<void> {
  const touch = db.update(integration).set({ lastUsedAt: now }).where(eq(integration.id, source.id));
  if (!lock) {
    await touch;
    return;
  }
  // A data-modifying WITH runs whether or not the select reads it.
  await db.execute(sql`with touched as (${touch.getSQL()})
    select pg_advisory_xact_lock(hashtext(${`toilcap.capture:${source.teamId}`}))`);
}

async function storedAlerts(
  db: Db,
  teamId: string,
  alerts: readonly AlertSignal[],
): Promise<Map<string, InterruptRow>> {
  const fingerprints = [...new Set(alerts.map((alert) => alert.fingerprint))];
  const rows = await db
    .select()
    .from(interrupt)
    .where(and(eq(interrupt.teamId, teamId), inArray(interrupt.alertFingerprint, fingerprints)));
  const wanted = new Set(alerts.map((alert) => alertKey(alert.fingerprint, alert.startsAt)));
  return new Map(
    rows.flatMap((row) => {
      const key = row.alertFingerprint ? alertKey(row.alertFingerprint, row.openedAt) : "";
      return wanted.has(key) ? [[key, row] as const] : [];
    }),
  );
}

/**
 * Stores a notification's alerts as pages of the integration's team, in one transaction: each firing of an alert
 * once (a retry or a repeat creates nothing), credited to whoever held the integration's rotation when it started,
 * all in one incident, waiting in that engineer's capture inbox. A resolved alert gets its resolution time, also
 * when the resolved notification arrives before the firing one. A page whose alert name the team silenced (its
 * root-cause fix is scheduled) is stored and counted all the same, but skips the inbox.
 */
export async function captureAlerts(
  db: Db,
  source: IntegrationRow,
  notification: AlertNotification,
  now: Date,
): Promise<CaptureOutcome> {
  const alerts = distinctAlerts(notification.alerts);
  const outcome: CaptureOutcome = { alerts: alerts.length, created: 0, resolved: 0, unchanged: 0 };
  return db.transaction(async (tx) => {
    await touchAndLock(tx, source, now, alerts.length > 0);
    if (alerts.length === 0) return outcome;
    const stored = await storedAlerts(tx, source.teamId, alerts);
    const fresh = alerts.filter((alert) => !stored.has(alertKey(alert.fingerprint, alert.startsAt)));
    const incidentId = await chooseIncident(tx, source.teamId, notification.groupKey, [...stored.values()], fresh);
    if (incidentId) {
      const storedIncidents = [...stored.values()].map((row) => row.incidentId ?? row.id);
      await mergeIncidents(tx, source.teamId, incidentId, [...new Set(storedIncidents)]);
    }

    if (fresh.length > 0) {
      const credited = await creditOnCall(
        tx,
        source.rotationId,
        fresh.map((alert) => alert.startsAt.getTime()),
        now,
      );
      const silenced = await silencesAt(tx, source.teamId, fresh);
      const drafts = fresh.map((alert, index) => ({
        id: crypto.randomUUID(),
        alert,
        silenceId: silenced[index] ?? null,
      }));
      // A new incident is headed by its earliest page, which alone is marked as the incident.
      const head = drafts.reduce((best, draft) => (draft.alert.startsAt < best.alert.startsAt ? draft : best));
      const created = await tx
        .insert(interrupt)
        .values(
          drafts.map(({ id, alert, silenceId }) => ({
            id,
            teamId: source.teamId,
            kind: "page" as const,
            source: "alertmanager",
            alertName: alert.alertName,
            service: alert.service,
            severity: alert.severity,
            summary: alert.summary,
            isIncident: incidentId === null && id === head.id,
            openedAt: alert.startsAt,
            resolvedAt: resolvedAtOf(alert),
            assigneeId: credited.get(alert.startsAt.getTime()) ?? null,
            createdAt: now,
            integrationId: source.id,
            alertFingerprint: alert.fingerprint,
            groupKey: notification.groupKey,
            incidentId: incidentId ?? head.id,
            captureStatus: silenceId ? null : ("captured" as const),
            silenceId,
          })),
        )
        .onConflictDoNothing({ target: [interrupt.teamId, interrupt.alertFingerprint, interrupt.openedAt] })
        .returning();
      await recordAudits(tx, created.map(captureAuditOf));
      outcome.created = created.length;
    }

    const resolutions: AuditEvent[] = [];
    for (const alert of alerts) {
      const row = stored.get(alertKey(alert.fingerprint, alert.startsAt));
      const resolvedAt = resolvedAtOf(alert);
      if (!row || !resolvedAt || row.resolvedAt) continue;
      // Only the first resolution counts: a later repeat of it changes nothing.
      const updated = await tx
        .update(interrupt)
        .set({ resolvedAt })
        .where(and(eq(interrupt.id, row.id), isNull(interrupt.resolvedAt)))
        .returning({ id: interrupt.id });
      if (updated.length === 0) continue;
      outcome.resolved += 1;
      resolutions.push({
        actorPersonId: null,
        teamId: row.teamId,
        action: "interrupt.resolve",
        entityType: "interrupt",
        entityId: row.id,
        before: { resolvedAt: null },
        after: { resolvedAt },
      });
    }
    await recordAudits(tx, resolutions);
    outcome.unchanged = outcome.alerts - outcome.created - outcome.resolved;
    return outcome;
  });
}
