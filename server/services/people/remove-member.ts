import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { teamMember } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import { localDayStart, parseLocalDate, wallClockInstant } from "@/server/domain/time";
import { recordAudit } from "../audit";
import { DomainError } from "../errors";

export interface RemoveMemberInput {
  teamId: string;
  personId: string;
  /** The first day they are no longer a member (yyyy-mm-dd, on the remover's calendar): today or earlier. */
  from: string;
}

/**
 * Ends a membership from a date, softly: the rows stay, marked removed from then, so reports before that date still
 * count the person and {@link restoreMember} undoes it. Access ends at once.
 */
export async function removeMember(
  db: Db,
  viewer: Viewer,
  input: RemoveMemberInput,
  now: Date,
): Promise<{ personId: string; removedFrom: Date }> {
  const from = new Date(wallClockInstant(parseLocalDate(input.from), 0, viewer.timeZone));
  if (from.getTime() > now.getTime()) throw new DomainError("invalid", "Pick today or an earlier date.", "from");
  if (input.personId === viewer.personId && !viewer.isAdmin) {
    throw new DomainError("invalid", "Ask another manager or an admin to remove you.", "personId");
  }
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(teamMember)
      .where(
        and(
          eq(teamMember.teamId, input.teamId),
          eq(teamMember.personId, input.personId),
          isNull(teamMember.removedFrom),
        ),
      );
    const [first] = rows;
    if (!first) throw new DomainError("not-found", "This person is not in the team.", "personId");
    const joined = first.memberSince?.getTime();
    if (joined !== undefined && from.getTime() < localDayStart(joined, viewer.timeZone)) {
      throw new DomainError("invalid", "Pick the day they joined the team or a later one.", "from");
    }
    // Removed on the day they joined: the membership ends where it began, so it counts nowhere.
    const removedFrom = joined !== undefined && from.getTime() < joined ? new Date(joined) : from;
    await tx
      .update(teamMember)
      .set({ removedFrom, removedById: viewer.personId })
      .where(and(eq(teamMember.teamId, input.teamId), eq(teamMember.personId, input.personId)));
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      teamId: input.teamId,
      action: "team.remove-member",
      entityType: "person",
      entityId: input.personId,
      before: { roles: rows.map((r) => r.role) },
      after: { removedFrom },
    });
    return { personId: input.personId, removedFrom };
  });
}

/** Undoes a removal: the membership goes on as if it had never ended. */
export async function restoreMember(
  db: Db,
  viewer: Viewer,
  input: { teamId: string; personId: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await tx
      .update(teamMember)
      .set({ removedFrom: null, removedById: null })
      .where(
        and(
          eq(teamMember.teamId, input.teamId),
          eq(teamMember.personId, input.personId),
          isNotNull(teamMember.removedFrom),
        ),
      )
      .returning({ role: teamMember.role });
    if (rows.length === 0) throw new DomainError("not-found", "This person was not removed from the team.", "personId");
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      teamId: input.teamId,
      action: "team.restore-member",
      entityType: "person",
      entityId: input.personId,
      after: { roles: rows.map((r) => r.role) },
    });
  });
}
