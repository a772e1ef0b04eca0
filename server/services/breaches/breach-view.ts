import "server-only";
import { eq, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { capBreach, person, team } from "@/db/schema";
import type { CapKind, DeliveryStatus } from "@/server/domain/breaches";

/** A stored breach as the app shows it, with its engineer and team. */
export interface BreachView {
  id: string;
  teamId: string;
  teamName: string;
  personId: string;
  name: string;
  kind: CapKind;
  share: number;
  cap: number;
  projected: boolean;
  periodStart: Date;
  periodEnd: Date;
  /** The engineer's zone: the period is their calendar month. */
  timeZone: string;
  detectedAt: Date;
  deliveryStatus: DeliveryStatus;
  deliveryAttempts: number;
  deliveryError: string | null;
  deliveredAt: Date | null;
  acknowledgedAt: Date | null;
}

export async function loadBreachViews(
  db: Db,
  where: SQL | undefined,
  order: SQL[],
  limit = 200,
): Promise<BreachView[]> {
  return db
    .select({
      id: capBreach.id,
      teamId: capBreach.teamId,
      teamName: team.name,
      personId: capBreach.personId,
      name: person.name,
      kind: capBreach.kind,
      share: capBreach.share,
      cap: capBreach.cap,
      projected: capBreach.projected,
      periodStart: capBreach.periodStart,
      periodEnd: capBreach.periodEnd,
      // Breach months are the team's (check-cap-breaches): its zone reads the period's dates right.
      timeZone: team.timeZone,
      detectedAt: capBreach.detectedAt,
      deliveryStatus: capBreach.deliveryStatus,
      deliveryAttempts: capBreach.deliveryAttempts,
      deliveryError: capBreach.deliveryError,
      deliveredAt: capBreach.deliveredAt,
      acknowledgedAt: capBreach.acknowledgedAt,
    })
    .from(capBreach)
    .innerJoin(team, eq(team.id, capBreach.teamId))
    .innerJoin(person, eq(person.id, capBreach.personId))
    .where(where)
    .orderBy(...order)
    .limit(limit);
}
