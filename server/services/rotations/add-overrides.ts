import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import type { Viewer } from "@/server/auth/permissions";
import type { addOverridesInput } from "@/server/schemas/rotations";
import { DomainError } from "../errors";
import { insertCovers } from "./add-override";
import { findRotation } from "./rotation-rows";

export type AddOverridesInput = z.output<typeof addOverridesInput>;

/**
 * Several covers of one rotation in one transaction (applying a fair fill): all are saved, or, when one cannot be
 * (someone left the team, a turn already over), none, and the error names that cover's field.
 */
export async function addOverrides(db: Db, viewer: Viewer, input: AddOverridesInput, now: Date) {
  return db.transaction(async (tx) => {
    const row = await findRotation(tx, input.teamId, input.rotationId, { forUpdate: true });
    const covers = input.covers.map((cover) => ({ ...cover, note: input.note }));
    return insertCovers(
      tx,
      viewer,
      row,
      input.teamId,
      covers,
      now,
      (index, error) =>
        new DomainError(
          error.kind,
          `Cover ${index + 1}: ${error.message}`,
          `covers.${index}.${error.field ?? "personId"}`,
        ),
    );
  });
}
