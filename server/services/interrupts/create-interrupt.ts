import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { interrupt } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import type { createInterruptInput } from "@/server/schemas/work-log";
import { recordAudit } from "../audit";
import { DomainError } from "../errors";
import { teamForOwnWork } from "../work-log/team-access";
import { interruptView, type InterruptView } from "./interrupt-view";
import { assertReturned } from "@/server/services/returned-row";

export type CreateInterruptInput = z.output<typeof createInterruptInput>;

/** A page, ticket or request the caller handled; it is assigned to them. */
export async function createInterrupt(db: Db, viewer: Viewer, input: CreateInterruptInput): Promise<InterruptView> {
  return db.transaction(async (tx) => {
    const teamId = await teamForOwnWork(tx, viewer, input.teamId);
    if (input.externalId) {
      const [clash] = await tx
        .select({ id: interrupt.id })
        .from(interrupt)
        .where(
          and(
            eq(interrupt.teamId, teamId),
            eq(interrupt.source, input.source),
            eq(interrupt.externalId, input.externalId),
          ),
        );
      if (clash) throw new DomainError("conflict", "This interrupt is already recorded.", "externalId");
    }
    const [row] = await tx
      .insert(interrupt)
      .values({
        teamId,
        kind: input.kind,
        source: input.source,
        externalId: input.externalId || null,
        service: input.service || null,
        severity: input.severity,
        summary: input.summary,
        isIncident: input.isIncident,
        actionable: input.actionable ?? null,
        openedAt: input.openedAt,
        resolvedAt: input.resolvedAt ?? null,
        assigneeId: viewer.personId,
      })
      .returning();
    assertReturned(row, "interrupt insert");
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      teamId,
      action: "interrupt.create",
      entityType: "interrupt",
      entityId: row.id,
      after: row,
    });
    return interruptView(row, 0);
  });
}
