import "server-only";
import type { Db } from "@/db/client";
import { rotation, rotationParticipant } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import { reanchor } from "@/server/domain/rotations";
import type { RotationDraft } from "@/server/schemas/rotations";
import { recordAudit } from "../audit";
import { getTeam } from "../people/teams";
import { rotationView, type RotationView } from "./get-rotation";
import { assertParticipantsInTeam } from "./rotation-facts";
import { anchorColumns, columnsOf, DRAFT_ROTATION_ID, specOfDraft } from "./rotation-rows";
import { assertReturned } from "@/server/services/returned-row";

export async function createRotation(
  db: Db,
  viewer: Viewer,
  input: RotationDraft & { teamId: string },
  now: Date,
): Promise<RotationView> {
  return db.transaction(async (tx) => {
    await getTeam(tx, input.teamId);
    await assertParticipantsInTeam(tx, input.teamId, input.participants);
    const spec = specOfDraft(DRAFT_ROTATION_ID, input);
    const chosen = input.onDutyNow || input.nextUp;
    // Without a choice, turns follow the list from the first hand-off.
    const turns = chosen
      ? reanchor(spec, spec, now.getTime(), input)
      : { participants: input.participants, anchor: null };
    const [created] = await tx
      .insert(rotation)
      // Nothing before creation happened on this rotation, so history starts now whatever startsOn says.
      .values({
        teamId: input.teamId,
        ...columnsOf(input),
        ...anchorColumns(turns.anchor),
        version: 1,
        recordedUntil: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    assertReturned(created, "rotation insert");
    if (turns.participants.length > 0) {
      await tx
        .insert(rotationParticipant)
        .values(turns.participants.map((personId, position) => ({ rotationId: created.id, position, personId })));
    }
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      teamId: input.teamId,
      action: "rotation.create",
      entityType: "rotation",
      entityId: created.id,
      after: { ...columnsOf(input), participants: turns.participants, anchor: turns.anchor },
    });
    return rotationView(tx, created);
  });
}
