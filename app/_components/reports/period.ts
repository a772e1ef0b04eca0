import { DateTime } from "luxon";
import { endOfDateInput, startOfDateInput } from "@/app/_components/work/datetime";
import { readLocalDate } from "@/server/domain/time";

/** The periods a report can cover; the URL's `period` search param. */
export const PERIOD_KINDS = ["week", "month", "quarter", "rolling90", "custom"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const PERIOD_LABELS: Record<PeriodKind, string> = {
  week: "This week",
  month: "This month",
  quarter: "This quarter",
  rolling90: "Last 90 days",
  custom: "Custom range",
};

export type ReportSearch = Record<string, string | string[] | undefined>;

/** What is wrong with a custom range, by field; empty when it can be shown. */
export interface RangeErrors {
  from?: string[];
  to?: string[];
}

/** The period a report shows: its kind, and for a custom one its first and last day (yyyy-mm-dd). */
export interface PeriodChoice {
  kind: PeriodKind;
  firstDay: string;
  lastDay: string;
  /**
   * A custom range the URL asked for that cannot be shown (a last day before the first, a date that does not
   * exist): the picker shows it with its messages, and the report shows `kind`, the page's default, instead.
   */
  rejected?: { firstDay: string; lastDay: string; errors: RangeErrors };
}

// The report procedures take instants in these years only.
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

function dayError(day: string, missing: string): string[] | undefined {
  if (!day) return [missing];
  const date = readLocalDate(day);
  if (!date) return ["Enter a real calendar date"];
  // The last year's last day ends in the year after, which the procedures refuse.
  if (date.year < FIRST_YEAR || date.year >= LAST_YEAR) return [`Choose a day from ${FIRST_YEAR} to ${LAST_YEAR - 1}`];
  return undefined;
}

/** What is wrong with a custom range of yyyy-mm-dd days; shared by the picker and by pages reading the URL. */
export function rangeErrors(firstDay: string, lastDay: string): RangeErrors {
  const errors: RangeErrors = {};
  const from = dayError(firstDay, "Choose the first day");
  const to = dayError(lastDay, "Choose the last day");
  if (from) errors.from = from;
  if (to) errors.to = to;
  else if (!from && lastDay < firstDay) errors.to = ["The last day must be on or after the first day"];
  return errors;
}

export function hasRangeErrors(errors: RangeErrors): boolean {
  return errors.from !== undefined || errors.to !== undefined;
}

function one(search: ReportSearch, key: string): string | undefined {
  const value = search[key];
  return Array.isArray(value) ? value[0] : value;
}

export function teamParam(search: ReportSearch): string | undefined {
  return one(search, "team");
}

/**
 * The period a report page shows for its URL. A custom range that cannot be shown (a link typed by hand, or
 * one whose days were edited) falls back to the page's default period, keeping the range and what is wrong
 * with it for the picker, so the page is a report with a message at the fields rather than an error.
 */
export function periodChoice(search: ReportSearch, defaultKind: PeriodKind = "quarter"): PeriodChoice {
  const asked = one(search, "period");
  const kind = PERIOD_KINDS.find((k) => k === asked) ?? defaultKind;
  const firstDay = one(search, "from") ?? "";
  const lastDay = one(search, "to") ?? "";
  if (kind !== "custom") return { kind, firstDay: "", lastDay: "" };
  const errors = rangeErrors(firstDay, lastDay);
  if (!hasRangeErrors(errors)) return { kind, firstDay, lastDay };
  return { kind: defaultKind, firstDay: "", lastDay: "", rejected: { firstDay, lastDay, errors } };
}

/** The procedures' period fields: a custom range runs from midnight of its first day to midnight after its last. */
export function periodInput(choice: PeriodChoice, timeZone: string): { period: PeriodKind; from?: Date; to?: Date } {
  if (choice.kind !== "custom") return { period: choice.kind };
  const from = startOfDateInput(choice.firstDay, timeZone) ?? undefined;
  const to = endOfDateInput(choice.lastDay, timeZone) ?? undefined;
  return { period: "custom", from, to };
}

/** The search string that keeps the team and period when moving between report pages. */
export function periodQuery(teamId: string, choice: PeriodChoice): string {
  const params = new URLSearchParams({ team: teamId, period: choice.kind });
  if (choice.kind === "custom") {
    params.set("from", choice.firstDay);
    params.set("to", choice.lastDay);
  }
  return params.toString();
}

/** A report page's URL for a period, keeping its team and any other search fields it carries. */
export function periodHref(
  action: string,
  choice: PeriodChoice,
  teamId?: string,
  extra?: Record<string, string>,
): string {
  const params = new URLSearchParams(extra);
  if (teamId) params.set("team", teamId);
  params.set("period", choice.kind);
  if (choice.kind === "custom") {
    params.set("from", choice.firstDay);
    params.set("to", choice.lastDay);
  }
  return `${action}?${params.toString()}`;
}

/** A person's (or a source's) drill-down over exactly the report's counted span. */
export function drillHref(
  teamId: string,
  span: { from: Date; to: Date },
  target: { personId?: string; source?: { kind: string; key: string | null } },
): string {
  const params = new URLSearchParams({ team: teamId, from: span.from.toISOString(), to: span.to.toISOString() });
  if (target.personId) params.set("person", target.personId);
  if (target.source) {
    params.set("kind", target.source.kind);
    params.set("key", target.source.key ?? "");
  }
  return `/reports/drill?${params.toString()}`;
}

/**
 * The calendar days a report period covers, "1 Jan – 31 Mar 2026" for [from, to): the end is exclusive, so the
 * last day shown is the one before it; no times of day. Not rotations' `spanText`, which names the instants a
 * shift or cover starts and ends (its end is the hand-off itself, "Mon 30 Nov 09:00 – Mon 7 Dec 09:00").
 */
export function periodDaysText(from: Date, to: Date, zone: string): string {
  const first = DateTime.fromJSDate(from, { zone });
  const last = DateTime.fromJSDate(new Date(to.getTime() - 1), { zone });
  if (first.hasSame(last, "day")) return first.toFormat("d LLL yyyy");
  if (first.hasSame(last, "month")) return `${first.toFormat("d")}–${last.toFormat("d LLL yyyy")}`;
  if (first.hasSame(last, "year")) return `${first.toFormat("d LLL")} – ${last.toFormat("d LLL yyyy")}`;
  return `${first.toFormat("d LLL yyyy")} – ${last.toFormat("d LLL yyyy")}`;
}

/** "12 Mar 2026" on the viewer's clock; "12 Mar" within the year of `now` (the server's clock, not the browser's). */
export function dayText(at: Date, zone: string, now: Date): string {
  const day = DateTime.fromJSDate(at, { zone });
  return day.toFormat(day.hasSame(DateTime.fromJSDate(now, { zone }), "year") ? "d LLL" : "d LLL yyyy");
}

/** yyyy-mm-dd of an instant on the report's calendar, for exports: the UTC day is a day early east of Greenwich. */
export function isoDayIn(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toFormat("yyyy-MM-dd");
}
