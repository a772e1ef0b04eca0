import { clockTime, weekdayName } from "@/app/_lib/format";
import { dutyWindowsText } from "./duty-windows";
import type { RotationSummary } from "./types";

type RotationSettings = Pick<
  RotationSummary,
  "shiftUnit" | "shiftCount" | "handoffWeekday" | "handoffMinute" | "timeZone" | "dutyWindows" | "endsOn"
>;

const UNIT = { hours: "hour", days: "day", weeks: "week", months: "month" } as const;

/** "1 week per shift · hand-off Monday 09:00 (Europe/Berlin) · business hours: Mon–Fri 09:00–17:00 · ends 2027-03-01" */
export function rotationSettingsText(r: RotationSettings): string {
  const length = `${r.shiftCount} ${UNIT[r.shiftUnit]}${r.shiftCount === 1 ? "" : "s"} per shift`;
  // Only weekly shifts hand off on one weekday; for days it merely picks the first hand-off.
  const when =
    r.shiftUnit === "weeks"
      ? `${weekdayName(r.handoffWeekday)} ${clockTime(r.handoffMinute)}`
      : `at ${clockTime(r.handoffMinute)}`;
  const handoff = `hand-off ${when} (${r.timeZone})`;
  const windows = r.dutyWindows ? dutyWindowsText(r.dutyWindows) : "";
  return [length, handoff, windows, r.endsOn ? `ends ${r.endsOn}` : ""].filter(Boolean).join(" · ");
}
