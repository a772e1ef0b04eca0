import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { interrupt } from "@/db/schema";
import { recordAudits } from "../audit";

/**
 * Folds incidents into `incidentId` when one notification names alerts of both: Alertmanager sent them as one
 * group, so they are one incident (for example a resolved alert still listed beside a new one). The merged
 * incidents' heads stop counting as incidents of their own.
 */
export async function mergeIncidents(
  db: Db,
  teamId: string,
  incidentId: string,
  others: readonly string[],
): Promise<void> {
  const merged = others.filter((id) => id !== incidentId);
  if (merged.length === 0) return;
  const moving = await db
    .select({ id: interrupt.id, incidentId: interrupt.incidentId, isIncident: interrupt.isIncident })
    .from(interrupt)
    .where(and(eq(interrupt.teamId, teamId), inArray(interrupt.incidentId, merged)));
  if (moving.length === 0) return;
  await db
    .update(interrupt)
    .set({ incidentId, isIncident: false })
    .where(
      inArray(
        interrupt.id,
        moving.map((page) => page.id),
      ),
    );
  await recordAudits(
    db,
    moving.map((page) => ({
      actorPersonId: null,
      teamId,
      action: "interrupt.merge-incident",
      entityType: "interrupt",
      entityId: page.id,
      before: { incidentId: page.incidentId, isIncident: page.isIncident },
      after: { incidentId, isIncident: false },
    })),
  );
}
