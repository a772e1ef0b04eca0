import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { capBreach, person, team } from "@/db/schema";
import { statusAfterAttempt, type DeliveryStatus } from "@/server/domain/breaches";
import { breachPayload } from "@/server/integrations/breach-webhook/payload";
import { sendBreachEvent } from "@/server/integrations/breach-webhook/send-event";
import { logFailure } from "./background";
import type { StoredBreach } from "./store-findings";
import { signingSecretOf } from "./signing-secret";

export interface DeliveryReport {
  breachId: string;
  /** Which attempt this was (1 for the first). */
  attempt: number;
  status: DeliveryStatus;
  httpStatus: number | null;
  error: string | null;
}

/** Everything the payload names: the breach, its team (and webhook) and its engineer. */
async function deliveryFacts(db: Db, breachId: string) {
  const [row] = await db
    .select({
      breach: capBreach,
      team: {
        id: team.id,
        name: team.name,
        timeZone: team.timeZone,
        webhookUrl: team.breachWebhookUrl,
        deletedAt: team.deletedAt,
      },
      engineer: { id: person.id, name: person.name, email: person.email, timeZone: person.timeZone },
    })
    .from(capBreach)
    .innerJoin(team, eq(team.id, capBreach.teamId))
    .innerJoin(person, eq(person.id, capBreach.personId))
    .where(eq(capBreach.id, breachId));
  return row ?? null;
}

/**
 * One attempt at a breach's webhook. The attempt is claimed first (its counter moved from `attemptsMade` on,
 * only while still pending), so however many servers or sweeps try at once, each attempt is made by one of
 * them. Any 2xx within 5 s is "sent"; otherwise it stays "pending" for a retry, and is "failed" after the fifth.
 */
export async function deliverBreach(
  db: Db,
  breachId: string,
  attemptsMade: number,
  now: Date,
): Promise<DeliveryReport | null> {
  const [claimed] = await db
    .update(capBreach)
    .set({ deliveryAttempts: sql`${capBreach.deliveryAttempts} + 1` })
    .where(
      and(
        eq(capBreach.id, breachId),
        eq(capBreach.deliveryStatus, "pending"),
        eq(capBreach.deliveryAttempts, attemptsMade),
      ),
    )
    .returning({ attempts: capBreach.deliveryAttempts });
  if (!claimed) return null;
  const facts = await deliveryFacts(db, breachId);
  const url = facts && facts.team.deletedAt === null ? facts.team.webhookUrl : null;
  if (!facts || !url) {
    // The team turned its webhook off (or was removed) before this attempt: nothing to send to.
    await db.update(capBreach).set({ deliveryStatus: "none", deliveryError: null }).where(eq(capBreach.id, breachId));
    return { breachId, attempt: claimed.attempts, status: "none", httpStatus: null, error: null };
  }
  const { breach, engineer } = facts;
  const payload = breachPayload({
    id: breach.id,
    team: facts.team,
    engineer,
    kind: breach.kind,
    share: breach.share,
    cap: breach.cap,
    projected: breach.projected,
    periodStart: breach.periodStart,
    periodEnd: breach.periodEnd,
    detectedAt: breach.detectedAt,
  });
  const answer = await sendBreachEvent(url, await signingSecretOf(db, facts.team.id), payload);
  const status = statusAfterAttempt(claimed.attempts, answer);
  await db
    .update(capBreach)
    .set({ deliveryStatus: status, deliveryError: answer.error, deliveredAt: answer.ok ? now : null })
    .where(eq(capBreach.id, breachId));
  return { breachId, attempt: claimed.attempts, status, httpStatus: answer.status, error: answer.error };
}

/** The first attempt for each newly stored breach that has somewhere to go, one after another; never rejects. */
export async function deliverBreaches(
  db: Db,
  detected: readonly Pick<StoredBreach, "id" | "deliveryStatus">[],
  now: Date,
): Promise<DeliveryReport[]> {
  const reports: DeliveryReport[] = [];
  for (const breach of detected) {
    if (breach.deliveryStatus !== "pending") continue;
    try {
      const report = await deliverBreach(db, breach.id, 0, now);
      if (report) reports.push(report);
    } catch (error) {
      // The row stays pending with its attempt counted; the sweep retries it.
      logFailure(`cap-breach webhook ${breach.id}`, error);
    }
  }
  return reports;
}
