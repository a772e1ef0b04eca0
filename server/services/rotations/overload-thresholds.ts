import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { team } from "@/db/schema";
import type { OverloadThresholds } from "@/server/domain/duty-load";
import { DomainError } from "../errors";

/** The team's overload thresholds (docs/duty-load.md), set by its managers; the defaults until then. */
export async function overloadThresholdsOf(db: Db, teamId: string): Promise<OverloadThresholds> {
  const [row] = await db
    .select({
      turnsInARow: team.overloadTurnsInARow,
      loggedOverDuty: team.overloadLoggedOverDuty,
      incidentLimit: team.overloadIncidentLimit,
    })
    .from(team)
    .where(and(eq(team.id, teamId), isNull(team.deletedAt)));
  if (!row) throw new DomainError("not-found", "No such team.", "teamId");
  return row;
}
