import { z } from "zod";
import { TEAM_ROLES } from "@/server/auth/permissions";
import { DEFAULT_OVERLOAD_THRESHOLDS } from "@/server/domain/duty-load";
import { MAX_ENTRY_MINUTES } from "@/server/domain/accounting/duration";
import { windowOverlaps } from "@/server/domain/rotations/duty-windows";
import { isValidTimeZone } from "@/server/domain/time";
import { isoDate } from "./common";
import { overloadThresholdFields } from "./people";
import { MAX_SHIFT_COUNT, ROTATION_ROLES } from "./rotations";

/**
 * The workspace file: one team's people, roles, absences, rotations, work log and interrupts as JSON,
 * for moving a team between Toilcap instances (the embedded trial to PostgreSQL, say). README describes it.
 * The ids in a file are the file's own: references between its parts use them, and an import gives every row a
 * new database id. Instants are ISO 8601 with an offset; times of day "HH:MM" on the owner's wall clock.
 */

export const WORKSPACE_FORMAT = "toilcap-workspace";
export const WORKSPACE_VERSION = 1;

/** Large enough for years of a big team's work log, small enough to refuse a runaway file early. */
const MAX_ROWS = 500_000;
const MINUTES_PER_DAY = 1440;

const text = (max: number) => z.string().trim().min(1, "Must not be empty").max(max, `At most ${max} characters`);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .nullish()
    .transform((v) => (v ? v : null));
const ref = z.string().min(1, "Must not be empty").max(200, "At most 200 characters");
const rows = <T extends z.ZodType>(row: T) => z.array(row).max(MAX_ROWS, `At most ${MAX_ROWS} rows`).default([]);

const instant = z
  .string({ error: "Enter a date-time such as 2025-03-10T09:00:00Z" })
  .pipe(
    z.iso.datetime({ offset: true, error: "Enter an ISO 8601 date-time with an offset, such as 2025-03-10T09:00:00Z" }),
  )
  .transform((value) => new Date(value))
  .refine((d) => d.getUTCFullYear() >= 2000 && d.getUTCFullYear() <= 2100, "Must be between the years 2000 and 2100");
const removedAt = instant.nullish().transform((v) => v ?? null);

const timeZone = z.string({ error: "Enter an IANA time zone such as Europe/Berlin" }).refine(isValidTimeZone, {
  error: (iss) => `Unknown time zone "${String(iss.input)}" (use an IANA name such as Europe/Berlin)`,
});

/** "HH:MM", 00:00 to 24:00, as minutes after midnight. */
const clock = z
  .string({ error: 'Enter a time of day as "HH:MM"' })
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Enter a time of day as "HH:MM", from 00:00 to 24:00')
  .transform((value) => Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5)));

/** A time the day starts at (or a hand-off happens at): 24:00 is the next day's 00:00. */
const dayStart = clock.refine((minute) => minute < MINUTES_PER_DAY, "Must be before 24:00");

const weekday = z
  .int("Weekdays are whole numbers")
  .min(1, "Weekdays run from 1 (Monday) to 7 (Sunday)")
  .max(7, "Weekdays run from 1 (Monday) to 7 (Sunday)");
const weekdays = z
  .array(weekday)
  .min(1, "Name at least one weekday")
  .max(7)
  .transform((days) => [...new Set(days)].sort((a, b) => a - b));

/** Working time on a wall clock; an end at or before the start is on the next day (22:00 to 06:00). */
const dailyHours = z.strictObject({ days: weekdays, start: dayStart, end: clock }).transform((v) => ({
  days: v.days,
  startMinute: v.start,
  endMinute: v.end <= v.start ? v.end + MINUTES_PER_DAY : v.end,
}));

/** A weekly duty window on a rotation's wall clock; an end at or before the start is on the next day (20:00 to 08:00). */
const dutyWindowRow = z
  .strictObject({ days: weekdays, start: dayStart, end: clock })
  .transform((v) => ({ days: v.days, startMinute: v.start, endMinute: v.end }));

const traitFlag = z.boolean("Traits are true or false").default(false);
const traits = z
  .strictObject({
    manual: traitFlag,
    repetitive: traitFlag,
    automatable: traitFlag,
    tactical: traitFlag,
    noEnduringValue: traitFlag,
    scalesLinearly: traitFlag,
  })
  .default({
    manual: false,
    repetitive: false,
    automatable: false,
    tactical: false,
    noEnduringValue: false,
    scalesLinearly: false,
  });

const share = z.number("Caps are fractions such as 0.5").min(0.05, "At least 0.05 (5%)").max(1, "At most 1 (100%)");
const entryCategory = z.enum(["toil", "overhead"], { error: "Category must be toil or overhead" });

const personRow = z.strictObject({
  id: ref,
  name: text(120),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email("Enter a valid email address"))
    .pipe(z.string().max(254, "At most 254 characters")),
  timeZone,
  workPattern: dailyHours.prefault({ days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" }),
  /** Roles in the team; empty for someone whose history the team keeps but who left it. */
  roles: z
    .array(z.enum(TEAM_ROLES, { error: "Role must be engineer, manager or planner" }))
    .default([])
    .transform((roles) => [...new Set(roles)]),
  /** Honoured only by an instance that has no administrator yet. */
  admin: z.boolean("admin is true or false").default(false),
  removedAt,
});

const absenceRow = z.strictObject({
  personId: ref,
  kind: z
    .enum(["leave", "holiday", "sick", "other"], { error: "Kind must be leave, holiday, sick or other" })
    .default("leave"),
  startsAt: instant,
  endsAt: instant,
  note: optionalText(300),
});

const serviceRow = z.strictObject({ id: ref, name: text(120), traits, removedAt });

const templateRow = z.strictObject({
  id: ref,
  name: text(120),
  serviceId: ref.nullish().transform((v) => v ?? null),
  defaultMinutes: z
    .int("Minutes are whole numbers")
    .min(1, "At least 1 minute")
    .max(MAX_ENTRY_MINUTES, `At most ${MAX_ENTRY_MINUTES} minutes`),
  category: entryCategory.default("toil"),
  traits,
  removedAt,
});

const rotationRole = z.enum(ROTATION_ROLES, { error: "Role must be primary, secondary, ticket or shadow" });

const overrideRow = z.strictObject({
  personId: ref,
  replacesPersonId: ref.nullish().transform((v) => v ?? null),
  startsAt: instant,
  endsAt: instant,
  note: optionalText(300),
});

const historyRow = z.strictObject({ personId: ref, role: rotationRole.optional(), startsAt: instant, endsAt: instant });

const rotationRow = z.strictObject({
  id: ref,
  name: text(80),
  role: rotationRole,
  timeZone,
  shift: z.strictObject({
    unit: z.enum(["hours", "days", "weeks", "months"], { error: "Shift unit must be hours, days, weeks or months" }),
    count: z.int("Shift length must be a whole number").min(1, "Shift length must be at least 1"),
  }),
  handoff: z.strictObject({ weekday, time: dayStart }),
  startsOn: isoDate,
  /** Older files' "working hours only" (one business-hours window); read as `dutyWindows`, never written. */
  workingHours: dailyHours.nullish().transform((v) => v ?? null),
  /** Only these weekly windows of each shift are duty (nights, business hours...); absent or null for around the clock. */
  dutyWindows: z
    .array(dutyWindowRow)
    .min(1, "List at least one window, or leave dutyWindows out")
    .max(14, "At most 14 windows")
    .nullish()
    .transform((v) => v ?? null),
  /** The local date duty stops on, at the hand-off time; absent or null for no end. */
  endsOn: isoDate.nullish().transform((v) => v ?? null),
  /** Person ids in turn order. */
  participants: z.array(ref).max(100, "At most 100 participants").default([]),
  /** The turn in progress at `at` goes to participants[index]; absent: turn n goes to participant n mod count. */
  turnAnchor: z
    .strictObject({ at: instant, index: z.int("index must be a whole number").min(0, "index must be 0 or more") })
    .nullish()
    .transform((v) => v ?? null),
  overrides: rows(overrideRow),
  /** Shifts before this instant are `history`; later ones follow the settings. Absent: the settings from `startsOn` on. */
  recordedUntil: instant.nullish().transform((v) => v ?? null),
  history: rows(historyRow),
  removedAt,
});

const interruptRow = z.strictObject({
  id: ref,
  kind: z.enum(["page", "ticket", "request"], { error: "Kind must be page, ticket or request" }),
  source: text(80).default("manual"),
  externalId: optionalText(200),
  alertName: optionalText(200),
  service: optionalText(120),
  severity: z.enum(["critical", "high", "medium", "low", "info"], { error: "Unknown severity" }).default("medium"),
  summary: text(300),
  isIncident: z.boolean("isIncident is true or false").default(false),
  actionable: z
    .boolean("actionable is true, false or null")
    .nullish()
    .transform((v) => v ?? null),
  openedAt: instant,
  resolvedAt: instant.nullish().transform((v) => v ?? null),
  assigneeId: ref.nullish().transform((v) => v ?? null),
  removedAt,
});

const httpLink = z
  .string()
  .trim()
  .max(2000, "At most 2000 characters")
  .refine(
    (value) => /^https?:\/\//i.test(value) && URL.canParse(value),
    "Enter a link starting with http:// or https://",
  );

const entryRow = z.strictObject({
  personId: ref,
  startsAt: instant,
  minutes: z
    .int("Minutes are whole numbers")
    .min(1, "At least 1 minute")
    .max(MAX_ENTRY_MINUTES, `At most ${MAX_ENTRY_MINUTES} minutes`),
  category: entryCategory,
  summary: text(300),
  traits,
  serviceId: ref.nullish().transform((v) => v ?? null),
  templateId: ref.nullish().transform((v) => v ?? null),
  interruptId: ref.nullish().transform((v) => v ?? null),
  link: httpLink.nullish().transform((v) => (v ? v : null)),
  source: z
    .enum(["manual", "timer", "template", "capture", "import"], {
      error: "Source must be manual, timer, template, capture or import",
    })
    .default("import"),
});

const hours = (max: number) =>
  z.number("Enter a number of hours").min(0, "Cannot be negative").max(max, `At most ${max} hours`);
const estimateRow = z.strictObject({
  sourceKind: z.enum(["template", "service", "alert"], { error: "sourceKind must be template, service or alert" }),
  /** A template's or service's id in this file, or an alert name. */
  sourceKey: text(200),
  buildHours: hours(100_000),
  maintenanceHoursPerMonth: hours(10_000).default(0),
  automatedOn: isoDate.nullish().transform((v) => v ?? null),
});

type Path = Array<string | number>;
/** Where the checks across rows collect what they find. */
type Ctx = Array<{ path: Path; message: string }>;

function issue(ctx: Ctx, path: Path, message: string): void {
  ctx.push({ path, message });
}

/** Ids of one list, checked unique; a reference to an id not in it is reported where it is made. */
function idsOf(ctx: Ctx, list: string, items: ReadonlyArray<{ id: string }>): Set<string> {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) issue(ctx, [list, i, "id"], `Duplicate id "${item.id}"`);
    seen.add(item.id);
  });
  return seen;
}

function refersTo(ctx: Ctx, ids: ReadonlySet<string>, what: string, value: string | null, path: Path): void {
  if (value !== null && !ids.has(value)) issue(ctx, path, `No ${what} with id "${value}" in this file`);
}

function endsAfterStart(ctx: Ctx, span: { startsAt: Date; endsAt: Date }, path: Path): void {
  if (span.endsAt <= span.startsAt) issue(ctx, [...path, "endsAt"], "Must be after startsAt");
}

/**
 * Everything the per-field rules cannot see: references, uniqueness, and rules across fields. Run only on a
 * file whose fields are all valid, so it never meets a half-parsed row.
 */
function checkReferences(file: WorkspaceData, ctx: Ctx): void {
  const people = idsOf(ctx, "people", file.people);
  const emails = new Map<string, number>();
  file.people.forEach((p, i) => {
    const first = emails.get(p.email);
    if (first !== undefined) issue(ctx, ["people", i, "email"], `Same email as people[${first}]`);
    else emails.set(p.email, i);
  });
  file.absences.forEach((a, i) => {
    refersTo(ctx, people, "person", a.personId, ["absences", i, "personId"]);
    endsAfterStart(ctx, a, ["absences", i]);
  });

  const services = idsOf(ctx, "services", file.services);
  const serviceNames = new Set<string>();
  file.services.forEach((s, i) => {
    if (serviceNames.has(s.name)) issue(ctx, ["services", i, "name"], `Two services are named "${s.name}"`);
    serviceNames.add(s.name);
  });
  const templates = idsOf(ctx, "templates", file.templates);
  file.templates.forEach((t, i) => {
    refersTo(ctx, services, "service", t.serviceId, ["templates", i, "serviceId"]);
  });

  idsOf(ctx, "rotations", file.rotations);
  file.rotations.forEach((r, i) => {
    const at = (...rest: Path): Path => ["rotations", i, ...rest];
    const max = MAX_SHIFT_COUNT[r.shift.unit];
    if (r.shift.count > max) issue(ctx, at("shift", "count"), `A shift can last at most ${max} ${r.shift.unit}`);
    if (r.workingHours && r.workingHours.endMinute > MINUTES_PER_DAY)
      issue(ctx, at("workingHours", "end"), "Working hours must end by 24:00");
    if (r.workingHours && r.dutyWindows) issue(ctx, at("workingHours"), "Give dutyWindows or workingHours, not both");
    for (const overlap of windowOverlaps(r.dutyWindows ?? [])) {
      issue(
        ctx,
        at("dutyWindows", overlap.later),
        `Window ${overlap.later + 1} overlaps window ${overlap.earlier + 1}`,
      );
    }
    if (r.endsOn && r.endsOn <= r.startsOn) issue(ctx, at("endsOn"), "The end date must be after startsOn");
    r.participants.forEach((p, j) => {
      refersTo(ctx, people, "person", p, at("participants", j));
    });
    r.overrides.forEach((o, j) => {
      refersTo(ctx, people, "person", o.personId, at("overrides", j, "personId"));
      refersTo(ctx, people, "person", o.replacesPersonId, at("overrides", j, "replacesPersonId"));
      endsAfterStart(ctx, o, at("overrides", j));
    });
    r.history.forEach((h, j) => {
      refersTo(ctx, people, "person", h.personId, at("history", j, "personId"));
      endsAfterStart(ctx, h, at("history", j));
    });
  });

  const interrupts = idsOf(ctx, "interrupts", file.interrupts);
  const external = new Set<string>();
  file.interrupts.forEach((x, i) => {
    refersTo(ctx, people, "person", x.assigneeId, ["interrupts", i, "assigneeId"]);
    if (x.resolvedAt && x.resolvedAt < x.openedAt)
      issue(ctx, ["interrupts", i, "resolvedAt"], "Must not be before openedAt");
    if (x.externalId === null) return;
    const key = JSON.stringify([x.source, x.externalId]);
    if (external.has(key))
      issue(
        ctx,
        ["interrupts", i, "externalId"],
        `Another interrupt from ${x.source} has the externalId "${x.externalId}"`,
      );
    external.add(key);
  });

  file.entries.forEach((e, i) => {
    refersTo(ctx, people, "person", e.personId, ["entries", i, "personId"]);
    refersTo(ctx, services, "service", e.serviceId, ["entries", i, "serviceId"]);
    refersTo(ctx, templates, "template", e.templateId, ["entries", i, "templateId"]);
    refersTo(ctx, interrupts, "interrupt", e.interruptId, ["entries", i, "interruptId"]);
  });

  const sources = new Set<string>();
  file.estimates.forEach((e, i) => {
    if (e.sourceKind === "template") refersTo(ctx, templates, "template", e.sourceKey, ["estimates", i, "sourceKey"]);
    if (e.sourceKind === "service") refersTo(ctx, services, "service", e.sourceKey, ["estimates", i, "sourceKey"]);
    const key = `${e.sourceKind}:${e.sourceKey}`;
    if (sources.has(key)) issue(ctx, ["estimates", i, "sourceKey"], "This source has another estimate in this file");
    sources.add(key);
  });
}

const workspaceShape = {
  format: z.literal(WORKSPACE_FORMAT, { error: `Must be "${WORKSPACE_FORMAT}"` }),
  version: z.literal(WORKSPACE_VERSION, { error: `This Toilcap reads version ${WORKSPACE_VERSION} files` }),
  exportedAt: instant.optional(),
  /** Used only when the instance has no organisation yet. */
  organisation: z.strictObject({ name: text(120) }).optional(),
  /** timeZone: files written before teams had one leave it out; the import then takes the team's managers' zone. */
  team: z.strictObject({
    name: text(80),
    toilCap: share.default(0.5),
    onCallCap: share.default(0.25),
    timeZone: timeZone.optional(),
    /** When a duty rotation is flagged as too much for one person; files written before there were any leave it out. */
    overload: z
      .strictObject({
        turnsInARow: overloadThresholdFields.turnsInARow.default(DEFAULT_OVERLOAD_THRESHOLDS.turnsInARow),
        loggedOverDuty: overloadThresholdFields.loggedOverDuty.default(DEFAULT_OVERLOAD_THRESHOLDS.loggedOverDuty),
        incidentLimit: overloadThresholdFields.incidentLimit.default(DEFAULT_OVERLOAD_THRESHOLDS.incidentLimit),
      })
      .prefault({}),
  }),
  people: rows(personRow),
  absences: rows(absenceRow),
  services: rows(serviceRow),
  templates: rows(templateRow),
  rotations: rows(rotationRow),
  interrupts: rows(interruptRow),
  entries: rows(entryRow),
  estimates: rows(estimateRow),
};

/** The fields of a file; `parseWorkspace` adds the checks across rows. */
export const workspaceFile = z.strictObject(workspaceShape);

/** A file as read: instants as Date, times of day as minutes, defaults filled in. */
export type WorkspaceData = z.output<typeof workspaceFile>;
/** A file as written: JSON values only. */
export type WorkspaceJson = z.input<typeof workspaceFile>;

/** `people[3].timeZone` rather than `people.3.timeZone`. */
export function issuePath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>(
    (out, key) => (typeof key === "number" ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    "",
  );
}

export type WorkspaceParse = { ok: true; data: WorkspaceData } | { ok: false; problems: string[] };

/** Every problem of the file at once, each as "path: message", in file order. */
export function parseWorkspace(json: unknown): WorkspaceParse {
  const parsed = workspaceFile.safeParse(json);
  const found: Ctx = [];
  if (parsed.success) checkReferences(parsed.data, found);
  else
    found.push(
      ...parsed.error.issues.map((i) => ({
        path: i.path.filter((key) => typeof key !== "symbol"),
        message: i.message,
      })),
    );
  if (parsed.success && found.length === 0) return { ok: true, data: parsed.data };
  return {
    ok: false,
    problems: found.map((p) => (p.path.length > 0 ? `${issuePath(p.path)}: ${p.message}` : p.message)),
  };
}

/** Minutes after midnight as "HH:MM"; a workday ending at or past midnight is written as its next-day time (or 24:00). */
export function clockOf(minute: number): string {
  const wrapped = minute === MINUTES_PER_DAY ? minute : minute % MINUTES_PER_DAY;
  return `${String(Math.floor(wrapped / 60)).padStart(2, "0")}:${String(wrapped % 60).padStart(2, "0")}`;
}

/** The Settings page's procedures: the file travels as parsed JSON and is validated by the import itself. */
export const exportWorkspaceInput = z.strictObject({ teamId: z.uuid({ error: "teamId must be a team's id" }) });
export const importWorkspaceInput = z.strictObject({
  /** The new team's name; the file's team name when left empty. */
  teamName: z.string().trim().max(80, "At most 80 characters").optional(),
  file: z.unknown().refine((value) => value !== undefined, "Choose a workspace file"),
});

/**
 * The zone of a team whose file names none (written before teams had one): its first manager's, else the zone
 * most of its people are in, else UTC.
 */
export function teamZoneOf(file: Pick<WorkspaceData, "team" | "people">): string {
  if (file.team.timeZone) return file.team.timeZone;
  const manager = file.people.find((p) => p.roles.includes("manager"));
  if (manager) return manager.timeZone;
  const counts = new Map<string, number>();
  for (const p of file.people) counts.set(p.timeZone, (counts.get(p.timeZone) ?? 0) + 1);
  let best: { zone: string; count: number } = { zone: "UTC", count: 0 };
  for (const [zone, count] of counts) if (count > best.count) best = { zone, count };
  return best.zone;
}
