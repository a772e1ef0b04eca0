import {
  clipIntervals,
  MINUTE_MS,
  normalize,
  subtractIntervals,
  totalMs,
  workPatternIntervals,
  type Interval,
} from "../time";
import { isNightTime, payBandOf, PAY_BANDS, splitByPayBand, type BandClock, type PayBand } from "./pay-bands";
import { MIN_REST_HOURS, restBreaches, type NightPage, type RestBreach } from "./rest-period";

/** Roles whose shifts are time on duty; shadow shifts are not (accounting rule 2). */
export type DutyRole = "primary" | "secondary" | "ticket";
export const DUTY_ROLE_ORDER: readonly DutyRole[] = ["primary", "secondary", "ticket"];

export interface DutyShift extends Interval {
  role: string;
}

export interface OnCallFacts extends BandClock {
  /** Every absence (leave, holiday, sick): nobody is due at work during one. */
  absences: readonly Interval[];
  shifts: readonly DutyShift[];
  pages: readonly NightPage[];
}

export interface OnCallHours {
  /** Minutes on duty in the window; overlapping shifts count once. */
  dutyMinutes: number;
  /** Minutes per role; a person holding two roles at once counts in both. */
  byRole: Record<DutyRole, number>;
  /** Duty minutes per band; they add up to dutyMinutes. */
  byBand: Record<PayBand, number>;
  /** Pages opened in the window per band, whether on duty or not. */
  pagesByBand: Record<PayBand, number>;
  pages: number;
  restBreaches: RestBreach[];
}

function isDutyRole(role: string): role is DutyRole {
  return (DUTY_ROLE_ORDER as readonly string[]).includes(role);
}

const minutesOf = (list: readonly Interval[]) => totalMs(list) / MINUTE_MS;

/** One person's on-call hours in `window`: duty by role and by band, pages by band, and short rests after night pages. */
export function onCallHours(facts: OnCallFacts, window: Interval): OnCallHours {
  const duty = facts.shifts.filter((s) => isDutyRole(s.role));
  const dutyTime = clipIntervals(duty, window);
  const byRole = { primary: 0, secondary: 0, ticket: 0 };
  for (const role of DUTY_ROLE_ORDER)
    byRole[role] = minutesOf(
      clipIntervals(
        duty.filter((s) => s.role === role),
        window,
      ),
    );
  const split = splitByPayBand(dutyTime, facts);
  const byBand = { business: 0, evening: 0, night: 0, weekend: 0, holiday: 0 };
  for (const band of PAY_BANDS) byBand[band] = minutesOf(split[band]);

  const pages = facts.pages.filter((p) => p.openedAt >= window.start && p.openedAt < window.end);
  const pagesByBand = { business: 0, evening: 0, night: 0, weekend: 0, holiday: 0 };
  const nightPages: NightPage[] = [];
  for (const page of pages) {
    const band = payBandOf(page.openedAt, facts);
    pagesByBand[band] += 1;
    // A page at 23:00 on a Sunday or a holiday is a night page for the rest rule too.
    if (isNightTime(page.openedAt, facts.timeZone)) nightPages.push(page);
  }
  return {
    dutyMinutes: minutesOf(dutyTime),
    byRole,
    byBand,
    pagesByBand,
    pages: pages.length,
    restBreaches: restBreaches(nightPages, scheduledAfter(nightPages, facts, window)),
  };
}

/** Scheduled working time from the window's start to MIN_REST_HOURS past the last rest: all a rest check can reach. */
function scheduledAfter(pages: readonly NightPage[], facts: OnCallFacts, window: Interval): Interval[] {
  if (pages.length === 0) return [];
  const lastRest = Math.max(window.end, ...pages.map((p) => Math.max(p.openedAt, p.resolvedAt ?? p.openedAt)));
  const reach = { start: window.start, end: lastRest + MIN_REST_HOURS * 60 * MINUTE_MS };
  return subtractIntervals(workPatternIntervals(facts.workPattern, facts.timeZone, reach), normalize(facts.absences));
}
