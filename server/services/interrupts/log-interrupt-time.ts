import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { interrupt, service } from "@/db/schema";
import { mayActInTeam, TEAM_ROLES, type Viewer } from "@/server/auth/permissions";
import type { logInterruptTimeInput } from "@/server/schemas/work-log";
import { DomainError } from "../errors";
import { startBefore } from "../work-log/entry-time";
import { insertEntry } from "../work-log/insert-entry";
import { NO_TRAITS } from "../work-log/traits";

export type LogInterruptTimeInput = z.output<typeof logInterruptTimeInput>;

/** Answering an interrupt is manual and tactical (interrupt-driven) unless the engineer says otherwise. */
const INTERRUPT_TRAITS = { ...NO_TRAITS, manual: true, tactical: true };

/**
 * Time spent on an interrupt, as a toil entry linked to it. Any member of the interrupt's team may log
 * time on it, not only its assignee: helping out on a page is interrupt work too.
 */
export async function logInterruptTime(db: Db, viewer: Viewer, input: LogInterruptTimeInput, now: Date) {
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select()
      .from(interrupt)
      .where(and(eq(interrupt.id, input.interruptId), isNull(interrupt.deletedAt)));
    if (!target) throw new DomainError("invalid", "Unknown interrupt.", "interruptId");
    if (!mayActInTeam(viewer, target.teamId, TEAM_ROLES)) {
      throw new DomainError("forbidden", "This interrupt belongs to another team.", "interruptId");
    }
    return insertEntry(
      tx,
      viewer,
      {
        teamId: target.teamId,
        summary: target.summary,
        startsAt: startBefore(input.endsAt ?? now, input.duration),
        minutes: input.duration,
        category: "toil",
        traits: input.traits ?? INTERRUPT_TRAITS,
        serviceId: target.service ? await serviceNamed(tx, target.teamId, target.service) : null,
        interruptId: target.id,
        source: "manual",
      },
      now,
    );
  });
}

/** Interrupts name their service in free text (alerts carry a label); link the team's service of that name. */
async function serviceNamed(db: Db, teamId: string, name: string): Promise<string | null> {
  const [row] = await db
    .select({ id: service.id })
    .from(service)
    .where(and(eq(service.teamId, teamId), isNull(service.deletedAt), sql`lower(${service.name}) = lower(${name})`));
  return row?.id ?? null;
}
