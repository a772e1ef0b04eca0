import { DateTime } from "luxon";
import { z } from "zod";
import { windowOverlaps } from "@/server/domain/rotations/duty-windows";
import { isoDate, teamScoped, timeZone } from "./common";

/**
 * Inputs of the rotation procedures. Shared by the planner's forms and the procedures, so a field's
 * message is the same in the browser and from the API. Instants travel as Date via superjson.
 */

const id = (what: string) => z.uuid(`${what} must be an id`);
const instant = (what: string) =>
  z.date({ error: `${what} must be a date and time` }).refine((d) => {
    const year = d.getUTCFullYear();
    return year >= 2000 && year <= 2100;
  }, `${what} must be between the years 2000 and 2100`);

export const ROTATION_ROLES = ["primary", "secondary", "ticket", "shadow"] as const;
export const rotationRole = z.enum(ROTATION_ROLES, { error: "Role must be primary, secondary, ticket or shadow" });
export const shiftUnit = z.enum(["hours", "days", "weeks", "months"], {
  error: "Shift unit must be hours, days, weeks or months",
});

/** Longest shift per unit: two weeks of hours, four weeks of days, eight weeks, a year of months. */
export const MAX_SHIFT_COUNT = { hours: 336, days: 28, weeks: 8, months: 12 } as const;

const minuteOfDay = (what: string, max: number) =>
  z
    .int(`${what} must be a whole number of minutes`)
    .min(0, `${what} must be 0 or more`)
    .max(max, `${what} must be at most ${max}`);
const isoWeekday = z
  .int("Pick a weekday")
  .min(1, "Weekdays run from 1 (Monday) to 7 (Sunday)")
  .max(7, "Weekdays run from 1 (Monday) to 7 (Sunday)");
const WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** One weekly duty window; an end at or before the start is on the next day (20:00 to 08:00 is a night). */
const dutyWindow = z.strictObject({
  days: z.array(isoWeekday).min(1, "Pick at least one day").max(7, "A week has seven days"),
  startMinute: minuteOfDay("Window start", 1439),
  endMinute: minuteOfDay("Window end", 1440),
});

/** Most windows a rotation may list: one per day for two shifts a day is plenty. */
export const MAX_DUTY_WINDOWS = 14;

const rotationShape = {
  // One line: the name heads calendar feeds and lists, where a line break would start a new entry.
  name: z
    .string()
    .trim()
    .min(1, "Name the rotation")
    .max(80, "At most 80 characters")
    .refine((name) => !/[\r\n\u2028\u2029\u0085]/.test(name), "A rotation name must be one line, without line breaks"),
  role: rotationRole,
  timeZone,
  shiftUnit,
  shiftCount: z.int("Shift length must be a whole number").min(1, "Shift length must be at least 1"),
  handoffWeekday: isoWeekday,
  handoffMinute: minuteOfDay("Hand-off time", 1439),
  startsOn: isoDate,
  /** Weekly windows in the rotation's zone when duty is held; null or absent: all the time. */
  dutyWindows: z
    .array(dutyWindow)
    .min(1, "Add at least one duty window, or choose all the time")
    .max(MAX_DUTY_WINDOWS, `At most ${MAX_DUTY_WINDOWS} duty windows`)
    .nullish(),
  /** The local date duty stops on, at the hand-off time; null or absent: no end. */
  endsOn: isoDate.nullish(),
  /** The older spelling of a single Monday-to-Friday-style window; kept so existing clients keep working. */
  workingHoursOnly: z.boolean().default(false),
  workingDays: z.array(isoWeekday).max(7).nullish(),
  workingStartMinute: minuteOfDay("Working hours start", 1439).nullish(),
  workingEndMinute: minuteOfDay("Working hours end", 1440).nullish(),
  /** Person ids in turn order. */
  participants: z.array(id("participants")).max(100, "At most 100 participants"),
  /** The planner's choice of who holds the turn in progress (or the first turn), and who takes the one after. */
  onDutyNow: id("onDutyNow").nullish(),
  nextUp: id("nextUp").nullish(),
};

type RotationShape = z.infer<z.ZodObject<typeof rotationShape>>;

/** Checks across fields, reported on the field a form shows them beside. */
function checkRotation(value: RotationShape, ctx: z.RefinementCtx): void {
  const max = MAX_SHIFT_COUNT[value.shiftUnit];
  if (value.shiftCount > max) {
    ctx.addIssue({
      code: "custom",
      path: ["shiftCount"],
      message: `A shift can last at most ${max} ${value.shiftUnit}`,
    });
  }
  for (const field of ["onDutyNow", "nextUp"] as const) {
    const chosen = value[field];
    if (chosen !== null && chosen !== undefined && !value.participants.includes(chosen)) {
      ctx.addIssue({ code: "custom", path: [field], message: "Pick one of the participants" });
    }
  }
  if (value.endsOn && value.endsOn <= value.startsOn) {
    ctx.addIssue({ code: "custom", path: ["endsOn"], message: "The end date must be after the first day" });
  }
  checkDutyWindows(value, ctx);
  if (!value.workingHoursOnly) return;
  if (value.dutyWindows) {
    ctx.addIssue({
      code: "custom",
      path: ["workingHoursOnly"],
      message: "Give duty windows or working hours, not both",
    });
  }
  if (!value.workingDays || value.workingDays.length === 0) {
    ctx.addIssue({ code: "custom", path: ["workingDays"], message: "Pick the working days" });
  }
  if (value.workingStartMinute === null || value.workingStartMinute === undefined) {
    ctx.addIssue({ code: "custom", path: ["workingStartMinute"], message: "Enter when working hours start" });
  }
  if (value.workingEndMinute === null || value.workingEndMinute === undefined) {
    ctx.addIssue({ code: "custom", path: ["workingEndMinute"], message: "Enter when working hours end" });
  } else if (
    value.workingStartMinute !== null &&
    value.workingStartMinute !== undefined &&
    value.workingEndMinute <= value.workingStartMinute
  ) {
    ctx.addIssue({ code: "custom", path: ["workingEndMinute"], message: "Working hours must end after they start" });
  }
}

/** Names the later of two windows that cover the same time of the week, at that window. */
function checkDutyWindows(value: RotationShape, ctx: z.RefinementCtx): void {
  for (const overlap of windowOverlaps(value.dutyWindows ?? [])) {
    ctx.addIssue({
      code: "custom",
      path: ["dutyWindows", overlap.later],
      message: `Window ${overlap.later + 1} overlaps window ${overlap.earlier + 1} on ${WEEKDAY_NAMES[overlap.day - 1] ?? "some day"}`,
    });
  }
}

/** A rotation as the planner edits it, saved or not. */
export const rotationDraft = z.strictObject(rotationShape).superRefine(checkRotation);
export type RotationDraft = z.infer<typeof rotationDraft>;

export const rotationIdInput = teamScoped({ rotationId: id("rotationId") });
export const createRotationInput = teamScoped(rotationShape).superRefine(checkRotation);
export const updateRotationInput = teamScoped({
  rotationId: id("rotationId"),
  /** The version the planner opened; a different saved version means someone else saved in between. */
  version: z.int("version must be a whole number").min(1),
  ...rotationShape,
}).superRefine(checkRotation);

export const horizon = z.strictObject({
  from: instant("from"),
  weeks: z.int("Weeks must be a whole number").min(1, "At least 1 week").max(26, "At most 26 weeks"),
});

/** What-if input: an unsaved draft, optionally of a saved rotation (whose overrides then apply). */
export const draftPreviewInput = teamScoped({
  rotationId: id("rotationId").optional(),
  draft: rotationDraft,
  horizon,
});

export const MAX_SCHEDULE_DAYS = 184;
export const scheduleInput = teamScoped({ from: instant("from"), to: instant("to") }).superRefine((value, ctx) => {
  if (value.to <= value.from)
    ctx.addIssue({ code: "custom", path: ["to"], message: "The end must be after the start" });
  else if (DateTime.fromJSDate(value.from).plus({ days: MAX_SCHEDULE_DAYS }) < DateTime.fromJSDate(value.to)) {
    ctx.addIssue({ code: "custom", path: ["to"], message: `Show at most ${MAX_SCHEDULE_DAYS} days at once` });
  }
});

const note = z.string().trim().max(300, "At most 300 characters").nullish();

export const addOverrideInput = teamScoped({
  rotationId: id("rotationId"),
  /** The cover. */
  personId: id("personId"),
  /** Only this person's duty is covered; null covers whoever holds it. */
  replacesPersonId: id("replacesPersonId").nullish(),
  startsAt: instant("startsAt"),
  endsAt: instant("endsAt"),
  note,
}).superRefine((value, ctx) => {
  if (value.endsAt <= value.startsAt)
    ctx.addIssue({ code: "custom", path: ["endsAt"], message: "The cover must end after it starts" });
});
/** Most covers one call takes: a quarter of daily turns, with room to spare. */
export const MAX_COVERS_AT_ONCE = 200;
const coverShape = z
  .strictObject({
    personId: id("personId"),
    replacesPersonId: id("replacesPersonId").nullish(),
    startsAt: instant("startsAt"),
    endsAt: instant("endsAt"),
  })
  .superRefine((value, ctx) => {
    if (value.endsAt <= value.startsAt)
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "The cover must end after it starts" });
  });
/** Several covers of one rotation saved together, all or none (applying a fair fill). */
export const addOverridesInput = teamScoped({
  rotationId: id("rotationId"),
  covers: z
    .array(coverShape)
    .min(1, "Name at least one cover")
    .max(MAX_COVERS_AT_ONCE, `At most ${MAX_COVERS_AT_ONCE} covers at once`),
  note,
});
export const removeOverrideInput = teamScoped({ overrideId: id("overrideId") });

export const requestSwapInput = teamScoped({
  rotationId: id("rotationId"),
  counterpartId: id("counterpartId"),
  shiftStartsAt: instant("shiftStartsAt"),
  shiftEndsAt: instant("shiftEndsAt"),
  /** A shift of the counterpart's the requester takes in return; leave out for a plain "take my shift". */
  returnStartsAt: instant("returnStartsAt").nullish(),
  returnEndsAt: instant("returnEndsAt").nullish(),
  /** A planner or manager may ask on someone's behalf; everyone else asks for themselves. */
  requesterId: id("requesterId").optional(),
  note,
}).superRefine((value, ctx) => {
  if (value.shiftEndsAt <= value.shiftStartsAt) {
    ctx.addIssue({ code: "custom", path: ["shiftEndsAt"], message: "The shift must end after it starts" });
  }
  const hasStart = value.returnStartsAt !== null && value.returnStartsAt !== undefined;
  const hasEnd = value.returnEndsAt !== null && value.returnEndsAt !== undefined;
  if (hasStart !== hasEnd)
    ctx.addIssue({
      code: "custom",
      path: ["returnEndsAt"],
      message: "Give both the start and the end of the shift in return",
    });
  if (value.returnStartsAt && value.returnEndsAt && value.returnEndsAt <= value.returnStartsAt) {
    ctx.addIssue({ code: "custom", path: ["returnEndsAt"], message: "The shift in return must end after it starts" });
  }
});
export const respondSwapInput = teamScoped({
  swapId: id("swapId"),
  decision: z.enum(["accept", "decline", "cancel"], { error: "Decision must be accept, decline or cancel" }),
});

export const myNextShiftsInput = z.strictObject({ limit: z.int().min(1).max(50).default(5) });

/** The caller's feed of their own shifts (no rotation) or of one rotation of the team. */
export const resetCalendarLinkInput = teamScoped({ rotationId: id("rotationId").optional() });
