import { z } from "zod";
import { isoDate, teamScoped } from "./common";
import { httpLink } from "./work-log";

/**
 * Inputs of the weekly interrupt review: reviews of pages and tickets, and silences of noisy alerts.
 * Shared by the review page's forms and the procedures, so a field's message is the same in both.
 */

/** Why an interrupt happened: one fixed list, so causes can be counted across weeks and teams. */
export const INTERRUPT_CAUSES = [
  "bug",
  "config-change",
  "capacity",
  "dependency",
  "noisy-alert",
  "deploy",
  "user-request",
  "unknown",
] as const;
export type InterruptCause = (typeof INTERRUPT_CAUSES)[number];

export const CAUSE_LABELS: Record<InterruptCause, string> = {
  bug: "Bug",
  "config-change": "Config change",
  capacity: "Capacity",
  dependency: "Dependency",
  "noisy-alert": "Noisy alert",
  deploy: "Deploy",
  "user-request": "User request",
  unknown: "Unknown",
};

export const interruptCause = z.enum(INTERRUPT_CAUSES, {
  error: `Cause must be one of: ${INTERRUPT_CAUSES.join(", ")}`,
});

/** The root-cause fix: a ticket, pull request or change, as a web link. */
export const fixUrl = httpLink;

/** A silence lasts until a scheduled fix lands: never longer than this. */
export const MAX_SILENCE_DAYS = 180;

const instant = (what: string) =>
  z.date({ error: `${what} must be a date and time` }).refine((d) => {
    const year = d.getUTCFullYear();
    return year >= 2000 && year <= 2100;
  }, `${what} must be between the years 2000 and 2100`);

/** One message per bad date: the format, else the calendar. */
export const reviewWeekInput = teamScoped({
  /** The end of the 7 days shown; defaults to now (the last 7 days), and is never later than now. */
  to: instant("to").optional(),
});

export const saveReviewInput = teamScoped({
  /** A ticket, or any page of an incident: the review applies to every page of that incident. */
  interruptId: z.uuid("interruptId must be an interrupt's id"),
  actionable: z.boolean({ error: "Say whether it was actionable" }),
  cause: interruptCause.nullable().default(null),
  fixUrl: fixUrl.nullable().default(null),
});

export const alertName = z
  .string({ error: "Name the alert" })
  .trim()
  .min(1, "Name the alert")
  .max(200, "At most 200 characters");

export const saveSilenceInput = teamScoped({
  alertName,
  /** The last day silenced (yyyy-mm-dd, on the caller's wall clock): the silence ends at midnight after it. */
  until: isoDate,
  fixUrl: fixUrl.nullable().default(null),
  reason: z.string().trim().max(500, "At most 500 characters").nullable().default(null),
});

export const silenceIdInput = teamScoped({ silenceId: z.uuid("silenceId must be a silence's id") });
