import { z } from "zod";
import { parseDuration } from "@/server/domain/accounting/duration";
import { timeZone } from "./common";

/**
 * Inputs of the engineer's logging procedures. Shared by forms and procedures, so a field's
 * message is the same in the browser and from the API. Dates travel as Date via superjson.
 */

/** A duration typed the way people say it ("25m", "1h30", "1.5h", "90"), read into whole minutes. */
export const duration = z.string().transform((text, ctx) => {
  const parsed = parseDuration(text);
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", message: parsed.error });
    return z.NEVER;
  }
  return parsed.minutes;
});

export const httpLink = z
  .string()
  .trim()
  .max(2000, "At most 2000 characters")
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:";
    } catch {
      return false;
    }
  }, "Enter a link starting with http:// or https://");

const id = (what: string) => z.uuid(`${what} must be an id`);
const instant = (what: string) =>
  z.date({ error: `${what} must be a date and time` }).refine((d) => {
    const year = d.getUTCFullYear();
    return year >= 2000 && year <= 2100;
  }, `${what} must be between the years 2000 and 2100`);

export const toilTraits = z.strictObject({
  manual: z.boolean(),
  repetitive: z.boolean(),
  automatable: z.boolean(),
  tactical: z.boolean(),
  noEnduringValue: z.boolean(),
  scalesLinearly: z.boolean(),
});
export type ToilTraits = z.infer<typeof toilTraits>;

export const entryCategory = z.enum(["toil", "overhead"], { error: "Category must be toil or overhead" });

const entryFields = {
  /** Defaults to the caller's first team. */
  teamId: id("teamId").optional(),
  summary: z.string().trim().min(1, "Say what you did").max(300, "At most 300 characters"),
  duration,
  /** When the work ended; defaults to now. Start = end - duration. */
  endsAt: instant("endsAt").optional(),
  category: entryCategory,
  serviceId: id("serviceId").nullish(),
  link: httpLink.nullish(),
  traits: toilTraits.optional(),
  templateId: id("templateId").nullish(),
  interruptId: id("interruptId").nullish(),
};

export const createEntryInput = z.strictObject(entryFields);
export const updateEntryInput = z.strictObject({ id: id("id"), ...entryFields });
export const entryIdInput = z.strictObject({ id: id("id") });
export const weekInput = z.strictObject({
  /** Any instant inside the wanted week; the week is Monday 00:00 to Monday 00:00 in the caller's zone. */
  at: instant("at").optional(),
});

export const createTemplateInput = z.strictObject({
  teamId: id("teamId"),
  name: z.string().trim().min(1, "Name the template").max(120, "At most 120 characters"),
  serviceId: id("serviceId").nullish(),
  duration,
  category: entryCategory.default("toil"),
  traits: toilTraits,
});
export const templateFromEntryInput = z.strictObject({
  entryId: id("entryId"),
  name: z.string().trim().min(1, "Name the template").max(120, "At most 120 characters"),
});
export const logFromTemplateInput = z.strictObject({
  templateId: id("templateId"),
  endsAt: instant("endsAt").optional(),
  /** Overrides the template's usual duration. */
  duration: duration.optional(),
});

export const startTimerInput = z.strictObject({
  teamId: id("teamId").optional(),
  summary: z.string().trim().min(1, "Say what you are doing").max(300, "At most 300 characters"),
  serviceId: id("serviceId").nullish(),
  templateId: id("templateId").nullish(),
  interruptId: id("interruptId").nullish(),
});

export const interruptKind = z.enum(["page", "ticket", "request"], { error: "Kind must be page, ticket or request" });
export const severity = z.enum(["critical", "high", "medium", "low", "info"], { error: "Unknown severity" });

export const createInterruptInput = z
  .strictObject({
    teamId: id("teamId").optional(),
    kind: interruptKind,
    source: z.string().trim().min(1, "Where did it come from?").max(80, "At most 80 characters").default("manual"),
    externalId: z.string().trim().max(200, "At most 200 characters").nullish(),
    service: z.string().trim().max(120, "At most 120 characters").nullish(),
    severity: severity.default("medium"),
    summary: z.string().trim().min(1, "Describe the interrupt").max(300, "At most 300 characters"),
    isIncident: z.boolean().default(false),
    actionable: z.boolean().nullish(),
    openedAt: instant("openedAt"),
    resolvedAt: instant("resolvedAt").nullish(),
  })
  .refine((i) => !i.resolvedAt || i.resolvedAt >= i.openedAt, {
    path: ["resolvedAt"],
    message: "Resolved must not be before opened",
  });

/** Time spent on an interrupt, logged as a toil entry linked to it. */
export const logInterruptTimeInput = z.strictObject({
  interruptId: id("interruptId"),
  duration,
  /** When the work ended; defaults to now. */
  endsAt: instant("endsAt").optional(),
  /** Defaults to manual and tactical: answering an interrupt by hand. */
  traits: toilTraits.optional(),
});

export const shareInput = z
  .strictObject({
    period: z.enum(["week", "month", "quarter", "custom"], { error: "Period must be week, month, quarter or custom" }),
    from: instant("from").optional(),
    to: instant("to").optional(),
  })
  .refine((p) => p.period !== "custom" || (p.from && p.to && p.from < p.to), {
    path: ["to"],
    message: "A custom range needs a start before its end",
  });
export const trendInput = z.strictObject({ weeks: z.int().min(1).max(104).default(12) });

const minuteOfDay = z.int("Use whole minutes").min(0).max(1440);
export const profileInput = z
  .strictObject({
    name: z.string().trim().min(1, "Enter a name").max(120).optional(),
    timeZone,
    workDays: z
      .array(z.int().min(1, "Days are 1 (Monday) to 7 (Sunday)").max(7, "Days are 1 (Monday) to 7 (Sunday)"))
      .min(1, "Pick at least one working day")
      .transform((days) => [...new Set(days)].sort()),
    workStartMinute: minuteOfDay,
    workEndMinute: minuteOfDay,
  })
  .refine((p) => p.workEndMinute > p.workStartMinute, {
    path: ["workEndMinute"],
    message: "The workday must end after it starts",
  });

export const absenceInput = z
  .strictObject({
    kind: z
      .enum(["leave", "holiday", "sick", "other"], { error: "Kind must be leave, holiday, sick or other" })
      .default("leave"),
    startsAt: instant("startsAt"),
    endsAt: instant("endsAt"),
    note: z.string().trim().max(300, "At most 300 characters").nullish(),
  })
  .refine((a) => a.endsAt > a.startsAt, { path: ["endsAt"], message: "The absence must end after it starts" });
