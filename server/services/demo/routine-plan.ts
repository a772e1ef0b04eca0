import { isAbsent, type PlannedAbsence } from "./absence-plan";
import { midnightMs, wallClockMs, weekdayOf } from "./calendar";
import type { Catalogue } from "./catalogue-rows";
import { loggersOf, type DemoContext, type DemoPerson } from "./context";
import { entryRow, loggedMinutes, type EntryDraft, type WorkEntryRow } from "./entry-row";
import type { DemoTeamKey } from "./roster";
import { PLATFORM_TEMPLATES } from "./services";
import type { Timelines } from "./timeline";
import { NO_TRAITS } from "./traits";
import { DATA_MANUAL_TOIL, OVERHEAD, PLATFORM_MANUAL_TOIL } from "./work-catalogue";
import { WORKLOADS, type WorkloadProfile } from "./workload";

type Task = Omit<EntryDraft, "personId" | "teamId" | "start">;
type Slot = "office" | "evening" | "weekend";

interface Logger {
  context: DemoContext;
  catalogue: Catalogue;
  timelines: Timelines;
  absences: readonly PlannedAbsence[];
  team: DemoTeamKey;
  person: DemoPerson;
  profile: WorkloadProfile;
  entries: WorkEntryRow[];
}

function toilTask(logger: Logger): Task {
  const { random } = logger.context;
  const factor = logger.profile.durationFactor;
  if (logger.team === "platform" && random.chance(0.5)) {
    const template = random.pick(PLATFORM_TEMPLATES);
    return {
      minutes: loggedMinutes(template.minutes * random.between(0.8, 1.3) * factor),
      category: "toil",
      traits: template.traits,
      summary: random.pick(template.summaries),
      source: "template",
      serviceId: logger.catalogue.serviceId("platform", template.service),
      templateId: logger.catalogue.templateId(template.name),
    };
  }
  const manual = random.pick(logger.team === "platform" ? PLATFORM_MANUAL_TOIL : DATA_MANUAL_TOIL);
  return {
    minutes: loggedMinutes(manual.minutes * random.between(0.7, 1.5) * factor),
    category: "toil",
    traits: manual.traits,
    summary: manual.summary,
    source: "manual",
    serviceId: logger.catalogue.serviceId(logger.team, manual.service),
  };
}

function overheadTask(logger: Logger): Task {
  const spec = logger.context.random.pick(OVERHEAD);
  return { minutes: spec.minutes, category: "overhead", traits: NO_TRAITS, summary: spec.summary, source: "manual" };
}

/** Wall-clock minutes of the day a task may fall in: office hours (staying a little late), evenings, weekend days. */
function slotBounds(person: DemoPerson, slot: Slot): [number, number] {
  if (slot === "evening") return [19 * 60, 23 * 60];
  if (slot === "weekend") return [10 * 60, 18 * 60];
  return [person.workStartMinute, person.workEndMinute + 45];
}

function place(logger: Logger, day: number, task: Task, slot: Slot): boolean {
  const { random, window, teamIds } = logger.context;
  const { person } = logger;
  const [from, to] = slotBounds(person, slot);
  const minute = from + Math.round(random.int(0, Math.max(0, to - from - task.minutes)) / 5) * 5;
  const start = wallClockMs(window, person.timeZone, day, minute);
  const latestEnd = Math.min(wallClockMs(window, person.timeZone, day, to), window.nowMs);
  const booked = logger.timelines.book(person.key, start, task.minutes, latestEnd);
  if (booked === null) return false;
  logger.entries.push(entryRow({ ...task, personId: person.id, teamId: teamIds[logger.team], start: booked }));
  return true;
}

function logWeek(logger: Logger, week: number) {
  const { random, window } = logger.context;
  const { person, profile, absences } = logger;
  const midnight = (day: number) => midnightMs(window, person.timeZone, day);
  const days = Array.from({ length: 7 }, (_, d) => week * 7 + d).filter(
    (day) => !isAbsent(absences, person.key, midnight(day), midnight(day + 1)),
  );
  const workdays = days.filter(
    (day) =>
      person.workDays.includes(weekdayOf(day)) &&
      wallClockMs(window, person.timeZone, day, person.workStartMinute) < window.nowMs,
  );
  if (workdays.length === 0) return;
  const tasks = [
    ...Array.from({ length: profile.toilEntries(week, workdays.length, random) }, () => toilTask(logger)),
    ...Array.from({ length: random.int(...profile.overheadEntries) }, () => overheadTask(logger)),
  ];
  for (const task of tasks) {
    const slot: Slot = task.category === "toil" && random.chance(profile.eveningShare) ? "evening" : "office";
    const first = random.int(0, workdays.length - 1);
    const daysToTry = [...workdays.slice(first), ...workdays.slice(0, first)];
    // A full day pushes the task to the next one, and a full week into an evening, as it would in real life.
    const placed = daysToTry.some((day) => place(logger, day, task, slot));
    if (!placed && task.category === "toil") place(logger, random.pick(workdays), task, "evening");
  }
  const weekend = days.filter((day) => weekdayOf(day) > 5 && midnight(day) < window.nowMs);
  if (weekend.length > 0 && random.chance(profile.weekendChance))
    place(logger, random.pick(weekend), toilTask(logger), "weekend");
}

/** The toil and overhead people log besides interrupts: a few entries a week, more for the heavy loggers. */
export function planRoutineWork(
  context: DemoContext,
  catalogue: Catalogue,
  timelines: Timelines,
  absences: readonly PlannedAbsence[],
): WorkEntryRow[] {
  const entries: WorkEntryRow[] = [];
  for (const team of ["platform", "data"] as const) {
    for (const person of loggersOf(context, team)) {
      if (!person.spec.workload) continue;
      const logger: Logger = {
        context,
        catalogue,
        timelines,
        absences,
        team,
        person,
        profile: WORKLOADS[person.spec.workload],
        entries,
      };
      for (let week = 0; week < context.window.weekCount; week += 1) logWeek(logger, week);
    }
  }
  return entries;
}
