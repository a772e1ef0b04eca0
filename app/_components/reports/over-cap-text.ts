import { hoursText, shareText } from "@/app/_components/work/datetime";
import { dayText } from "./period";
import type { MemberToilRow } from "./types";

/** "+12.0 pts (31 h)": how far over the toil cap, in share points and in the hours of relief it needs. */
export function overByText(row: MemberToilRow): string {
  if (!row.toilCap.over) return "";
  return `+${shareText(row.toilCap.overBy).replace("%", " pts")} (${hoursText(row.toilCap.overByMinutes)})`;
}

/** "since 5 Jan 2026 (8 weeks)"; "at least" when the run reaches back past the year looked at. */
export function overSinceText(row: MemberToilRow, timeZone: string, now: Date): string {
  const run = row.overCapRun;
  if (!run) return "";
  const weeks = `${run.atLeast ? "≥" : ""}${run.weeks} wk`;
  return `${dayText(run.since, timeZone, now)} (${weeks})`;
}
