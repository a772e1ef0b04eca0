import { DateTime } from "luxon";
import { endOfDateInput, startOfDateInput } from "@/app/_components/work/datetime";

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

/** What the URL asks for: the period, and for a custom one its first and last day (yyyy-mm-dd). */
export interface PeriodChoice {
  kind: PeriodKind;
  firstDay: string;
  lastDay: string;
}

function one(search: ReportSearch, key: string): string | undefined {
  const value = search[key];
  return Array.isArray(value) ? value[0] : value;
}

export function teamParam(search: ReportSearch): string | undefined {
  return one(search, "team");
}

export function periodChoice(search: ReportSearch, defaultKind: PeriodKind = "quarter"): PeriodChoice {
  const asked = one(search, "period");
  const kind = PERIOD_KINDS.find((k) => k === asked) ?? defaultKind;
  return { kind, firstDay: one(search, "from") ?? "", lastDay: one(search, "to") ?? "" };
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

/** "1 Jan – 31 Mar 2026" for [from, to): the end is exclusive, so the last day shown is the one before it. */
export function spanText(from: Date, to: Date, zone: string): string {
  const first = DateTime.fromJSDate(from, { zone });
  const last = DateTime.fromJSDate(new Date(to.getTime() - 1), { zone });
  if (first.hasSame(last, "day")) return first.toFormat("d LLL yyyy");
  if (first.hasSame(last, "month")) return `${first.toFormat("d")}–${last.toFormat("d LLL yyyy")}`;
  if (first.hasSame(last, "year")) return `${first.toFormat("d LLL")} – ${last.toFormat("d LLL yyyy")}`;
  return `${first.toFormat("d LLL yyyy")} – ${last.toFormat("d LLL yyyy")}`;
}

/** "12 Mar 2026" on the viewer's clock; "12 Mar" within the current year. */
export function dayText(at: Date, zone: string): string {
  const day = DateTime.fromJSDate(at, { zone });
  return day.toFormat(day.hasSame(DateTime.now().setZone(zone), "year") ? "d LLL" : "d LLL yyyy");
}

/** yyyy-mm-dd of an instant on the report's calendar, for exports: the UTC day is a day early east of Greenwich. */
export function isoDayIn(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toFormat("yyyy-MM-dd");
}
