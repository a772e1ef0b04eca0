import { isAbsent, type PlannedAbsence } from "./absence-plan";
import { wallClockMs, weekdayOf, DEMO_ZONE, MINUTE_MS } from "./calendar";
import type { Catalogue } from "./catalogue-rows";
import { loggersOf, personOf, type DemoContext, type DemoPerson } from "./context";
import { holderAt, type PlannedShift } from "./duty-plan";
import { entryRow, loggedMinutes } from "./entry-row";
import { resolvedBy, reviewOutcome, type InterruptPlan } from "./interrupt-row";
import { OPS_TICKETS, PLATFORM_REQUESTS, type TicketSpec } from "./ticket-catalogue";
import type { Timelines } from "./timeline";
import { traits } from "./traits";

const TICKET_WORK = traits("manual", "repetitive", "automatable", "tactical");
const FIRST_TICKET_NUMBER = 4100;

interface Handling {
  context: DemoContext;
  catalogue: Catalogue;
  timelines: Timelines;
  absences: readonly PlannedAbsence[];
  plan: InterruptPlan;
}

interface Work {
  person: DemoPerson;
  spec: TicketSpec;
  interruptId: string;
  /** The demo day it is done on, in the person's zone, and when they start on it (epoch ms). */
  day: number;
  start: number;
  label?: string;
}

/** The assignee's time on it as one entry, if they were in that day; they may stay up to an hour late. */
function logWork(handling: Handling, work: Work) {
  const { context, catalogue, timelines, absences, plan } = handling;
  const { person, spec } = work;
  const minutes = loggedMinutes(spec.minutes * context.random.between(0.7, 1.4));
  const officeEnd = wallClockMs(context.window, person.timeZone, work.day, person.workEndMinute + 60);
  if (isAbsent(absences, person.key, work.start, work.start + minutes * MINUTE_MS)) return;
  const booked = timelines.book(person.key, work.start, minutes, Math.min(officeEnd, context.window.nowMs));
  if (booked === null) return;
  plan.entries.push(
    entryRow({
      personId: person.id,
      teamId: context.teamIds.platform,
      start: booked,
      minutes,
      category: "toil",
      traits: TICKET_WORK,
      summary: work.label ? `${spec.work} (${work.label})` : spec.work,
      source: "manual",
      serviceId: catalogue.serviceId("platform", spec.service),
      interruptId: work.interruptId,
    }),
  );
}

/** OPS tickets filed in Berlin office hours and assigned to that day's ticket duty. */
function planTickets(handling: Handling, shifts: readonly PlannedShift[]) {
  const { context } = handling;
  const { random, window } = context;
  let number = FIRST_TICKET_NUMBER;
  for (let day = 0; day < window.weekCount * 7; day += 1) {
    if (weekdayOf(day) > 5) continue;
    const minutes = Array.from({ length: random.int(0, 3) }, () => random.int(9 * 60, 16 * 60 + 45)).sort(
      (a, b) => a - b,
    );
    // Different tickets on one day: the same request twice in an afternoon would look like a bug.
    const first = random.int(0, OPS_TICKETS.length - 1);
    const specs = minutes.map((_, i) => OPS_TICKETS[(first + i * 3) % OPS_TICKETS.length]);
    for (const [i, minute] of minutes.entries()) {
      const openedAt = wallClockMs(window, DEMO_ZONE, day, minute);
      const holder = holderAt(shifts, "ticket", openedAt);
      // Other teams file OPS tickets too, so our numbers have gaps.
      number += random.int(1, 9);
      const spec = specs[i];
      if (openedAt >= window.nowMs || !holder || !spec) continue;
      const person = personOf(context, holder);
      const id = context.newId();
      const key = `OPS-${number}`;
      handling.plan.interrupts.push({
        id,
        teamId: context.teamIds.platform,
        kind: "ticket",
        source: "jira",
        externalId: key,
        service: spec.service,
        severity: spec.severity,
        summary: spec.summary,
        actionable: reviewOutcome(random, openedAt, window, 0.85),
        openedAt: new Date(openedAt),
        resolvedAt: resolvedBy(openedAt, random.int(45, 2 * 1440), window),
        assigneeId: person.id,
        createdAt: new Date(openedAt),
      });
      // Ticket duty is Berlin people on Berlin hours, so the ticket's day is theirs too.
      logWork(handling, {
        person,
        spec,
        interruptId: id,
        day,
        start: openedAt + random.int(5, 40) * MINUTE_MS,
        label: key,
      });
    }
  }
}

/** Requests from other teams (rollouts, flag flips, help), given to someone off the pager that week. */
function planRequests(handling: Handling, shifts: readonly PlannedShift[]) {
  const { context, absences } = handling;
  const { random, window } = context;
  const engineers = loggersOf(context, "platform");
  for (let week = 0; week < window.weekCount; week += 1) {
    if (!random.chance(0.6)) continue;
    const day = week * 7 + random.int(0, 3);
    const openedAt = wallClockMs(window, DEMO_ZONE, day, random.int(10 * 60, 16 * 60));
    const spec = random.pick(PLATFORM_REQUESTS);
    const onPager = new Set([holderAt(shifts, "primary", openedAt), holderAt(shifts, "secondary", openedAt)]);
    const free = engineers.filter(
      (p) => !onPager.has(p.key) && !isAbsent(absences, p.key, openedAt, openedAt + 60 * MINUTE_MS),
    );
    if (openedAt >= window.nowMs || free.length === 0) continue;
    const person = random.pick(free);
    const id = context.newId();
    handling.plan.interrupts.push({
      id,
      teamId: context.teamIds.platform,
      kind: "request",
      source: "manual",
      service: spec.service,
      severity: spec.severity,
      summary: spec.summary,
      actionable: reviewOutcome(random, openedAt, window, 0.95),
      openedAt: new Date(openedAt),
      // Elapsed time to close it: a day to four.
      resolvedAt: resolvedBy(openedAt, random.int(20 * 60, 96 * 60), window),
      assigneeId: person.id,
      createdAt: new Date(openedAt),
    });
    // Opened Monday to Thursday in European hours: the assignee picks it up the next morning, in any zone.
    const start = wallClockMs(window, person.timeZone, day + 1, person.workStartMinute + random.int(30, 120));
    if (person.workDays.includes(weekdayOf(day + 1)))
      logWork(handling, { person, spec, interruptId: id, day: day + 1, start });
  }
}

export function planTicketsAndRequests(
  context: DemoContext,
  catalogue: Catalogue,
  timelines: Timelines,
  shifts: readonly PlannedShift[],
  absences: readonly PlannedAbsence[],
): InterruptPlan {
  const handling: Handling = { context, catalogue, timelines, absences, plan: { interrupts: [], entries: [] } };
  planTickets(handling, shifts);
  planRequests(handling, shifts);
  return handling.plan;
}
