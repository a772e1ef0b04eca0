import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { rotationOverride } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import { recordAudits } from "../audit";
import { DomainError } from "../errors";
import { coverLeaveWarnings } from "./cover-warnings";
import { membersAmong } from "./rotation-facts";
import { findRotation } from "./rotation-rows";
import { assertReturned } from "@/server/services/returned-row";

/** One cover: who takes the duty (of `replacesPersonId` only, or of whoever holds it) and when. */
export interface CoverDraft {
  personId: string;
  replacesPersonId?: string | null | undefined;
  startsAt: Date;
  endsAt: Date;
  note?: string | null | undefined;
}

export interface AddOverrideInput extends CoverDraft {
  teamId: string;
  rotationId: string;
}

export const PAST_COVER_MESSAGE =
  "This cover is already over; shifts that have happened are history and do not change.";

type RotationRow = Awaited<ReturnType<typeof findRotation>>;

function checkCover(members: ReadonlySet<string>, cover: CoverDraft, now: Date): void {
  if (!members.has(cover.personId))
    throw new DomainError("invalid", "The cover must be a member of this team.", "personId");
  if (cover.replacesPersonId && !members.has(cover.replacesPersonId)) {
    throw new DomainError("invalid", "The person covered must be a member of this team.", "replacesPersonId");
  }
  if (cover.replacesPersonId === cover.personId)
    throw new DomainError("invalid", "Someone cannot cover for themselves.", "personId");
  if (cover.endsAt <= now) throw new DomainError("invalid", PAST_COVER_MESSAGE, "endsAt");
}

/**
 * Covers of a rotation the caller's transaction found and locked: all checked (people in one read), then written
 * in one statement with their audit rows. A cover that started earlier takes effect from now. `placeError` lets a
 * caller of several say which cover an error is about.
 */
export async function insertCovers(
  tx: Db,
  viewer: Viewer,
  row: RotationRow,
  teamId: string,
  covers: readonly CoverDraft[],
  now: Date,
  placeError: (index: number, error: DomainError) => DomainError = (_index, error) => error,
) {
  const members = await membersAmong(
    tx,
    teamId,
    covers.flatMap((cover) => (cover.replacesPersonId ? [cover.personId, cover.replacesPersonId] : [cover.personId])),
  );
  covers.forEach((cover, index) => {
    try {
      checkCover(members, cover, now);
    } catch (error) {
      throw error instanceof DomainError ? placeError(index, error) : error;
    }
  });
  const values = covers.map((cover) => ({
    id: randomUUID(),
    rotationId: row.id,
    personId: cover.personId,
    replacesPersonId: cover.replacesPersonId ?? null,
    startsAt: cover.startsAt < now ? now : cover.startsAt,
    endsAt: cover.endsAt,
    note: cover.note ?? null,
    createdById: viewer.personId,
    createdAt: now,
  }));
  const inserted = new Map(
    (await tx.insert(rotationOverride).values(values).returning()).map((created) => [created.id, created]),
  );
  // In the order given, whatever order the database returned them in.
  const overrides = values.map(({ id }) => {
    const created = inserted.get(id);
    if (!created) throw new Error("override insert returned fewer rows than it was given");
    return created;
  });
  await recordAudits(
    tx,
    overrides.map((created) => ({
      actorPersonId: viewer.personId,
      teamId,
      action: "rotation.override.add",
      entityType: "rotation_override",
      entityId: created.id,
      after: {
        rotationId: row.id,
        personId: created.personId,
        replacesPersonId: created.replacesPersonId,
        startsAt: created.startsAt,
        endsAt: created.endsAt,
        note: created.note,
      },
    })),
  );
  const warnings = [];
  for (const created of overrides) {
    warnings.push(
      ...(await coverLeaveWarnings(
        tx,
        { personId: created.personId, start: created.startsAt.getTime(), end: created.endsAt.getTime() },
        row.timeZone,
      )),
    );
  }
  return { overrides, warnings };
}

/**
 * Someone covers a window of the rotation. A cover only changes the future: one that started earlier takes
 * effect from now, and the saved override says so. A cover on leave is saved with a warning.
 */
export async function addOverride(db: Db, viewer: Viewer, input: AddOverrideInput, now: Date) {
  return db.transaction(async (tx) => {
    const row = await findRotation(tx, input.teamId, input.rotationId, { forUpdate: true });
    const { overrides, warnings } = await insertCovers(tx, viewer, row, input.teamId, [input], now);
    const [override] = overrides;
    assertReturned(override, "override insert");
    return { override, warnings };
  });
}
