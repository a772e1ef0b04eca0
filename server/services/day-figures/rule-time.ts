import type { Db } from "@/db/client";
import { accountingIntervals, type AccountingFacts, type RuleTime } from "@/server/domain/accounting";
import { clipIntervals, totalMs, type Interval } from "@/server/domain/time";
import { loadPeopleFacts, type ProfileOf } from "../share/people-facts";

export const DAY_MS = 24 * 60 * 60 * 1000;

export const noTime = (): RuleTime => ({ scheduled: 0, duty: 0, onCallDuty: 0, logged: 0, afterHours: 0 });

export function addTime(into: RuleTime, more: RuleTime): RuleTime {
  into.scheduled += more.scheduled;
  into.duty += more.duty;
  into.onCallDuty += more.onCallDuty;
  into.logged += more.logged;
  into.afterHours += more.afterHours;
  return into;
}

/** The UTC day an instant falls in, as the `date` column stores it. */
export function dayOf(ms: number): string {
  return new Date(ms - (((ms % DAY_MS) + DAY_MS) % DAY_MS)).toISOString().slice(0, 10);
}

export function dayStartMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

/** The first whole UTC day starting at or after `ms`, and the start of the last whole one ending at or before `end`. */
export function wholeDays(range: Interval): { from: number; to: number } {
  const from = Math.ceil(range.start / DAY_MS) * DAY_MS;
  const to = Math.floor(range.end / DAY_MS) * DAY_MS;
  return to > from ? { from, to } : { from: range.start, to: range.start };
}

/**
 * The time behind rules 1-4 in whole milliseconds, one per window, from facts covering them all: each window is cut
 * from the intervals computed once over their span, so windows that tile a period add up to exactly the period's
 * time (every figure is the measure of a set of instants; see computeAccounting).
 */
export function ruleTimes(facts: AccountingFacts, windows: readonly Interval[]): RuleTime[] {
  const first = windows[0];
  const last = windows[windows.length - 1];
  if (first === undefined || last === undefined) return [];
  const whole = accountingIntervals({ ...facts, period: { start: first.start, end: last.end } });
  return windows.map((window) => ({
    scheduled: totalMs(clipIntervals(whole.scheduled, window)),
    duty: totalMs(clipIntervals(whole.duty, window)),
    onCallDuty: totalMs(clipIntervals(whole.onCallDuty, window)),
    logged: totalMs(clipIntervals(whole.logged, window)),
    afterHours: totalMs(clipIntervals(whole.afterHours, window)),
  }));
}

/** Each person's time over `range`, computed from their facts as the reports do (milliseconds). */
export async function liveRuleTime(
  db: Db,
  people: readonly ProfileOf[],
  range: Interval,
  now: Date,
): Promise<Map<string, RuleTime>> {
  const times = new Map<string, RuleTime>(people.map((p) => [p.personId, noTime()]));
  if (range.end <= range.start || people.length === 0) return times;
  const facts = await loadPeopleFacts(db, people, range, now);
  for (const profile of people) {
    const own = facts.get(profile.personId)?.facts ?? { ...profile, absences: [], shifts: [], entries: [] };
    times.set(profile.personId, ruleTimes(own, [range])[0] ?? noTime());
  }
  return times;
}
