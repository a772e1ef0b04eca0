import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rotation, rotationParticipant } from "@/db/schema";
import { reanchor } from "@/server/domain/rotations";
import type { Viewer } from "@/server/auth/permissions";
import type { RotationDraft } from "@/server/schemas/rotations";
import { recordAudit } from "../audit";
import { DomainError } from "../errors";
import { rotationView, type RotationView } from "./get-rotation";
import { assertParticipantsInTeam } from "./rotation-facts";
import { anchorColumns, columnsOf, findRotation, participantsOf, specOfDraft, specOfRow } from "./rotation-rows";
import { recordShifts } from "./record-shifts";

export const STALE_VERSION_MESSAGE =
  "Someone else saved this rotation since you opened it; reload to see their changes.";

export type UpdateRotationInput = RotationDraft & { teamId: string; rotationId: string; version: number };

/**
 * Saves a planner's edit. Optimistic concurrency: the save names the version it edited and fails with a conflict,
 * changing nothing, when another save came first. The row stays locked from the version check to the write,
 * and everything up to now is recorded first, so the edit changes only the future. The turn in progress keeps its
 * holder unless that person is removed or the planner chose another (see reanchor).
 */
export async function updateRotation(
  db: Db,
  viewer: Viewer,
  input: UpdateRotationInput,
  now: Date,
): Promise<RotationView> {
  return db.transaction(async (tx) => {
    const current = await findRotation(tx, input.teamId, input.rotationId, { forUpdate: true });
    if (current.version !== input.version) throw new DomainError("conflict", STALE_VERSION_MESSAGE, "version");
    await assertParticipantsInTeam(tx, input.teamId, input.participants);
    const participantsBefore = (await participantsOf(tx, [current.id])).get(current.id) ?? [];
    const before = { ...columnsOf({ ...current, participants: [] }), participants: participantsBefore };
    await recordShifts(tx, { rotationIds: [current.id] }, now, "now");
    const turns = reanchor(
      specOfRow(current, participantsBefore),
      specOfDraft(current.id, input),
      now.getTime(),
      input,
    );
    const [updated] = await tx
      .update(rotation)
      .set({ ...columnsOf(input), ...anchorColumns(turns.anchor), version: current.version + 1, updatedAt: now })
      .where(and(eq(rotation.id, current.id), eq(rotation.version, input.version)))
      .returning();
    if (!updated) throw new DomainError("conflict", STALE_VERSION_MESSAGE, "version");
    await tx.delete(rotationParticipant).where(eq(rotationParticipant.rotationId, current.id));
    if (turns.participants.length > 0) {
      await tx
        .insert(rotationParticipant)
        .values(turns.participants.map((personId, position) => ({ rotationId: current.id, position, personId })));
    }
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      teamId: input.teamId,
      action: "rotation.update",
      entityType: "rotation",
      entityId: current.id,
      before: { ...before, version: current.version },
      after: { ...columnsOf(input), participants: turns.participants, anchor: turns.anchor, version: updated.version },
    });
    return rotationView(tx, updated);
  });
}
