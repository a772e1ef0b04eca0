import type { Db } from "@/db/client";
import { rotationOverride } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import { recordAudit } from "../audit";
import { DomainError } from "../errors";
import { coverLeaveWarnings } from "./cover-warnings";
import { assertMember } from "./rotation-facts";
import { findRotation } from "./rotation-rows";

export interface AddOverrideInput {
  teamId: string;
  rotationId: string;
  personId: string;
  replacesPersonId?: string | null | undefined;
  startsAt: Date;
  endsAt: Date;
  note?: string | null | undefined;
}

export const PAST_COVER_MESSAGE = "This cover is already over; shifts that have happened are history and do not change.";

type RotationRow = Awaited<ReturnType<typeof findRotation>>;

/** One cover of a rotation already found and locked by the caller's transaction, with its audit row and warnings. */
export async function insertCover(tx: Db, viewer: Viewer, row: RotationRow, input: AddOverrideInput, now: Date) {
  await assertMember(tx, input.teamId, input.personId, "personId", "cover");
  if (input.replacesPersonId) await assertMember(tx, input.teamId, input.replacesPersonId, "replacesPersonId", "person covered");
  if (input.replacesPersonId === input.personId) throw new DomainError("invalid", "Someone cannot cover for themselves.", "personId");
  if (input.endsAt <= now) throw new DomainError("invalid", PAST_COVER_MESSAGE, "endsAt");
  const startsAt = input.startsAt < now ? now : input.startsAt;
  const [created] = await tx
    .insert(rotationOverride)
    .values({
      rotationId: row.id,
      personId: input.personId,
      replacesPersonId: input.replacesPersonId ?? null,
      startsAt,
      endsAt: input.endsAt,
      note: input.note ?? null,
      createdById: viewer.personId,
      createdAt: now,
    })
    .returning();
  if (!created) throw new Error("override insert returned nothing");
  await recordAudit(tx, {
    actorPersonId: viewer.personId,
    teamId: input.teamId,
    action: "rotation.override.add",
    entityType: "rotation_override",
    entityId: created.id,
    after: { rotationId: row.id, personId: created.personId, replacesPersonId: created.replacesPersonId, startsAt, endsAt: created.endsAt, note: created.note },
  });
  const warnings = await coverLeaveWarnings(tx, { personId: created.personId, start: startsAt.getTime(), end: created.endsAt.getTime() }, row.timeZone);
  return { override: created, warnings };
}

/**
 * Someone covers a window of the rotation. A cover only changes the future: one that started earlier takes
 * effect from now, and the saved override says so. A cover on leave is saved with a warning.
 */
export async function addOverride(db: Db, viewer: Viewer, input: AddOverrideInput, now: Date) {
  return db.transaction(async (tx) => {
    const row = await findRotation(tx, input.teamId, input.rotationId, { forUpdate: true });
    return insertCover(tx, viewer, row, input, now);
  });
}
