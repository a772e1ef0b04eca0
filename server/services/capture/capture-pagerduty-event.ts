import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { integration, type interrupt, webhookEvent } from "@/db/schema";
import { countWebhookRequest } from "../integrations/count-webhook-request";
import type { IntegrationRow } from "../integrations/find-integration";
import type { Severity } from "./alert-signal";
import { captureOnce, fillOf, findCaptured, insertCaptured, updateCaptured } from "./captured-interrupt";
import { creditOnCall } from "./credit-on-call";
import { matchExternalUsers, type PagerdutyPerson } from "./external-people";

/** Incidents from PagerDuty, by its webhook or its CSV export, share one id space per team: its incident id. */
export const PAGERDUTY_SOURCE = "pagerduty";

/** One PagerDuty incident event, read from its format (see server/integrations/pagerduty). */
export interface PagerdutyIncidentSignal {
  eventId: string;
  type: "triggered" | "acknowledged" | "resolved";
  occurredAt: Date;
  incidentId: string;
  openedAt: Date;
  summary: string;
  service: string | null;
  severity: Severity;
  assignees: PagerdutyPerson[];
  /** Who acted: the acknowledger of an acknowledged event. */
  agent: PagerdutyPerson | null;
}

/** Whom the incident was credited to, and how: a mapped PagerDuty user, the rotation's on-call, or nobody. */
export type CreditSource = "assignee" | "acknowledger" | "on-call" | "nobody";

export interface PagerdutyCaptureOutcome {
  outcome: "created" | "updated" | "unchanged" | "duplicate";
  credit: CreditSource | null;
}

type InterruptRow = typeof interrupt.$inferSelect;

async function credit(
  db: Db,
  source: IntegrationRow,
  signal: PagerdutyIncidentSignal,
  now: Date,
): Promise<{ personId: string | null; by: CreditSource }> {
  const candidates = [
    ...signal.assignees.map((user) => ({ user, by: "assignee" as const })),
    ...(signal.agent ? [{ user: signal.agent, by: "acknowledger" as const }] : []),
  ];
  const matched = await matchExternalUsers(
    db,
    source.teamId,
    "pagerduty",
    candidates.map((c) => c.user),
  );
  const first = candidates.find((c) => matched.has(c.user.id));
  const personId = first ? matched.get(first.user.id)?.personId : undefined;
  if (first && personId) return { personId, by: first.by };
  const onDuty =
    (await creditOnCall(db, source.rotationId, [signal.openedAt.getTime()], now)).get(signal.openedAt.getTime()) ??
    null;
  return onDuty ? { personId: onDuty, by: "on-call" } : { personId: null, by: "nobody" };
}

async function storeNew(
  db: Db,
  source: IntegrationRow,
  signal: PagerdutyIncidentSignal,
  now: Date,
): Promise<PagerdutyCaptureOutcome | null> {
  const credited = await credit(db, source, signal, now);
  const row = await insertCaptured(db, {
    teamId: source.teamId,
    kind: "page",
    source: PAGERDUTY_SOURCE,
    externalId: signal.incidentId,
    service: signal.service,
    severity: signal.severity,
    summary: signal.summary,
    isIncident: true,
    openedAt: signal.openedAt,
    resolvedAt:
      signal.type === "resolved" ? (signal.occurredAt < signal.openedAt ? signal.openedAt : signal.occurredAt) : null,
    assigneeId: credited.personId,
    captureStatus: credited.personId ? "captured" : null,
    integrationId: source.id,
    createdAt: now,
  });
  return row ? { outcome: "created", credit: credited.by } : null;
}

/** A later event fills what the stored incident lacks: its resolution, or an engineer. A removed one stays as it is. */
async function updateStored(
  db: Db,
  source: IntegrationRow,
  stored: InterruptRow,
  signal: PagerdutyIncidentSignal,
  now: Date,
): Promise<PagerdutyCaptureOutcome> {
  const { set, credited } = await fillOf(stored, signal.type === "resolved" ? signal.occurredAt : null, (openedAt) =>
    credit(db, source, { ...signal, openedAt }, now),
  );
  if (Object.keys(set).length === 0) return { outcome: "unchanged", credit: null };
  await updateCaptured(db, stored, set);
  return { outcome: "updated", credit: credited?.by ?? null };
}

async function captureIncident(
  db: Db,
  source: IntegrationRow,
  signal: PagerdutyIncidentSignal,
  now: Date,
): Promise<PagerdutyCaptureOutcome> {
  return captureOnce({
    find: () => findCaptured(db, source.teamId, PAGERDUTY_SOURCE, signal.incidentId),
    update: (stored) => updateStored(db, source, stored, signal, now),
    create: () => storeNew(db, source, signal, now),
    what: `incident ${signal.incidentId}`,
  });
}

/**
 * Stores one PagerDuty incident event, in one transaction: an event id seen before changes nothing; a new incident
 * becomes a page that is an incident, credited to its first assignee (or acknowledger) whom the team's PagerDuty
 * links or names match, else to whoever was on call in the integration's rotation when it opened, else nobody;
 * later events record its resolution and fill a missing engineer. `signal` null: an event type not credited.
 */
export async function capturePagerdutyEvent(
  db: Db,
  source: IntegrationRow,
  eventId: string,
  signal: PagerdutyIncidentSignal | null,
  now: Date,
): Promise<PagerdutyCaptureOutcome> {
  return db.transaction(async (tx) => {
    await tx.update(integration).set({ lastUsedAt: now }).where(eq(integration.id, source.id));
    const [fresh] = await tx
      .insert(webhookEvent)
      .values({ integrationId: source.id, eventId, receivedAt: now })
      .onConflictDoNothing()
      .returning();
    let outcome: PagerdutyCaptureOutcome = { outcome: "duplicate", credit: null };
    if (fresh && signal) {
      outcome = await captureIncident(tx, source, signal, now);
    } else if (fresh) {
      outcome = { outcome: "unchanged", credit: null };
    }
    await countWebhookRequest(
      tx,
      source.id,
      outcome.outcome === "created" || outcome.outcome === "updated" ? "accepted" : "duplicate",
      now,
    );
    return outcome;
  });
}
