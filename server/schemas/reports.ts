import { z } from "zod";
import { isoDate, teamScoped } from "./common";

/**
 * Inputs of the team reports. Shared by the pages, the procedures and, later, the JSON API, so a
 * field's message is the same everywhere. Instants travel as Date via superjson.
 */

const instant = (what: string) =>
  z.date({ error: `${what} must be a date and time` }).refine((d) => {
    const year = d.getUTCFullYear();
    return year >= 2000 && year <= 2100;
  }, `${what} must be between the years 2000 and 2100`);

export const reportPeriodKind = z.enum(["week", "month", "quarter", "rolling90", "custom"], {
  error: "Period must be week, month, quarter, rolling90 or custom",
});
export const sourceKind = z.enum(["template", "service", "alert"], { error: "Group by template, service or alert" });

const periodFields = {
  period: reportPeriodKind.default("month"),
  /** A custom range's start and end. */
  from: instant("from").optional(),
  to: instant("to").optional(),
  /** Any instant in the wanted week, month or quarter (the last day of a rolling 90); defaults to now. */
  at: instant("at").optional(),
};

/** A custom period names both ends, start first; other periods take neither. */
function periodChecks(value: { period: string; from?: Date; to?: Date }, ctx: z.RefinementCtx) {
  if (value.period !== "custom") {
    if (value.from || value.to)
      ctx.addIssue({ code: "custom", message: "from and to are for a custom period only", path: ["period"] });
    return;
  }
  if (!value.from) ctx.addIssue({ code: "custom", message: "A custom period needs a start", path: ["from"] });
  if (!value.to) ctx.addIssue({ code: "custom", message: "A custom period needs an end", path: ["to"] });
  if (value.from && value.to && value.from >= value.to)
    ctx.addIssue({ code: "custom", message: "The end must be after the start", path: ["to"] });
}

export const teamToilInput = teamScoped(periodFields).superRefine(periodChecks);
/** The organisation summary (admins): every team, so no teamId. */
export const orgSummaryInput = z.strictObject(periodFields).superRefine(periodChecks);
export const interruptLoadInput = teamScoped(periodFields).superRefine(periodChecks);
export const onCallHoursInput = teamScoped(periodFields).superRefine(periodChecks);
export const toilSourcesInput = teamScoped({ ...periodFields, groupBy: sourceKind.default("template") }).superRefine(
  periodChecks,
);

export const trendInput = teamScoped({
  weeks: z.int("weeks must be a whole number").min(1, "At least 1 week").max(104, "At most 104 weeks").default(26),
});

export const drillDownInput = teamScoped({
  personId: z.uuid("personId must be a person's id").optional(),
  from: instant("from"),
  to: instant("to"),
  sourceKind: sourceKind.optional(),
  /** The source row's key; null for its "no template / service / alert name" row. */
  sourceKey: z.string().trim().min(1).max(200).nullable().optional(),
}).superRefine((value, ctx) => {
  if (value.from >= value.to)
    ctx.addIssue({ code: "custom", message: "The end must be after the start", path: ["to"] });
  if (value.sourceKind && value.sourceKey === undefined)
    ctx.addIssue({ code: "custom", message: "Name the source to drill into", path: ["sourceKey"] });
  if (!value.sourceKind && value.sourceKey !== undefined)
    ctx.addIssue({ code: "custom", message: "Say what kind of source this is", path: ["sourceKind"] });
});

const hours = (what: string, max: number) =>
  z
    .number({ error: `${what} must be a number of hours` })
    .min(0, `${what} cannot be negative`)
    .max(max, `At most ${max} hours`);

export const saveEstimateInput = teamScoped({
  sourceKind,
  /** A template's or service's id, or an alert name. */
  sourceKey: z.string().trim().min(1, "Name the source").max(200, "At most 200 characters"),
  buildHours: hours("Build time", 100_000),
  maintenanceHoursPerMonth: hours("Maintenance", 10_000).default(0),
  automatedOn: isoDate.nullable().default(null),
}).superRefine((value, ctx) => {
  if (value.sourceKind !== "alert" && !z.uuid().safeParse(value.sourceKey).success) {
    ctx.addIssue({ code: "custom", message: `sourceKey must be a ${value.sourceKind}'s id`, path: ["sourceKey"] });
  }
});

export const estimateIdInput = teamScoped({ id: z.uuid("id must be an estimate's id") });
export const teamReportInput = teamScoped({});
