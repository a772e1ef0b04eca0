import { z } from "zod";
import { teamScoped, timeZone } from "./common";

/** Inputs of the ticket import: a CSV export pasted or uploaded as text, previewed, then committed. */

/** About 5,000 tickets of PagerDuty's widest export; larger files are split. */
export const MAX_TICKET_CSV_CHARS = 5_000_000;

export const ticketImportInput = teamScoped({
  csv: z.string().min(1, "Choose a CSV file").max(MAX_TICKET_CSV_CHARS, "At most 5 MB per file; split it"),
  /** The zone of times written without an offset; defaults to the importer's own. */
  timeZone: timeZone.optional(),
  /** Rows nobody in the file can be credited with go to whoever was on duty in this rotation when they opened. */
  rotationId: z.uuid("rotationId must be a rotation's id").nullish(),
});
