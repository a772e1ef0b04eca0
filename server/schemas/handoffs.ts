import { z } from "zod";
import { teamScoped } from "./common";

/** Inputs of the hand-off notes: from the holder of one on-call or ticket-duty shift to the next. */

const instant = (what: string) =>
  z.date({ error: `${what} must be a date and time` }).refine((d) => {
    const year = d.getUTCFullYear();
    return year >= 2000 && year <= 2100;
  }, `${what} must be between the years 2000 and 2100`);

const rotationId = z.uuid("rotationId must be a rotation's id");

export const HANDOFF_NOTE_MAX = 4000;

export const handoffBody = z
  .string({ error: "Write the note" })
  .trim()
  .min(1, "Write the note")
  .max(HANDOFF_NOTE_MAX, `At most ${HANDOFF_NOTE_MAX} characters`);

export const saveHandoffInput = teamScoped({
  rotationId,
  /** The start of the shift being handed off (the current one or the one that just ended), as `forMe` names it. */
  shiftStartsAt: instant("shiftStartsAt"),
  body: handoffBody,
});

export const handoffNoteInput = teamScoped({ noteId: z.uuid("noteId must be a hand-off note's id") });

export const listHandoffsInput = teamScoped({
  rotationId,
  limit: z.int("limit must be a whole number").min(1, "At least 1").max(50, "At most 50").default(10),
});

export const handoffsForMeInput = teamScoped({});
