import { and, asc, eq, sql } from "drizzle-orm";
import { POST } from "@/app/api/integrations/alertmanager/[secret]/route";
import type { Db } from "@/db/client";
import { interrupt } from "@/db/schema";
import { at, callerAt, makeRotationTeam, weeklyDraft } from "@/server/testing/rotation-fixtures";

/** Test support: a team whose weekly primary rotation (Berlin, Mondays 09:00 from 2 March 2026) has an Alertmanager integration. */

/** When the rotation and the integration were set up: before every alert the tests send. */
export const SET_UP_AT = at("2026-03-01T12:00");

export async function makeCaptureTeam(db: Db) {
  const fx = await makeRotationTeam(db);
  const planner = await callerAt(db, fx.planner.id, SET_UP_AT);
  const rotation = await planner.rotations.create({
    teamId: fx.team.id,
    ...weeklyDraft(fx.engineers.map((e) => e.id)),
  });
  const created = await planner.integrations.create({
    teamId: fx.team.id,
    name: "Prometheus prod",
    rotationId: rotation.id,
  });
  return { ...fx, rotation, integration: created.integration, secret: created.secret };
}

export interface Delivery {
  status: number;
  body: Record<string, unknown>;
}

/** Posts a body to the receiver's route handler, as Alertmanager would. */
export async function deliver(secret: string, body: unknown, headers: Record<string, string> = {}): Promise<Delivery> {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const request = new Request(`http://toilcap.test/api/integrations/alertmanager/${secret}`, {
    method: "POST",
    body: text,
    headers: { "content-type": "application/json", "user-agent": "Alertmanager/0.27.0", ...headers },
  });
  const response = await POST(request, { params: Promise.resolve({ secret }) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The team's captured pages, earliest first. */
export async function capturedPages(db: Db, teamId: string) {
  return db
    .select()
    .from(interrupt)
    .where(and(eq(interrupt.teamId, teamId), sql`${interrupt.alertFingerprint} is not null`))
    .orderBy(asc(interrupt.openedAt), asc(interrupt.alertFingerprint));
}
