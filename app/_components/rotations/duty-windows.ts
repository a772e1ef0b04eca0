import { clockTime, weekdayName } from "@/app/_lib/format";

/** A weekly duty window as the API carries it: ISO weekdays it starts on, minutes after midnight; end <= start is the next day. */
export interface DutyWindowValue {
  days: number[];
  startMinute: number;
  endMinute: number;
}

export type DutyPreset = "always" | "business" | "nights" | "weekends" | "custom";

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

/** The named choices and the windows each stands for; "always" has none, "custom" is whatever the planner lists. */
export const DUTY_PRESETS: ReadonlyArray<{
  preset: Exclude<DutyPreset, "custom">;
  label: string;
  hint: string;
  windows: DutyWindowValue[] | null;
}> = [
  { preset: "always", label: "All the time", hint: "Someone is on duty around the clock.", windows: null },
  {
    preset: "business",
    label: "Business hours",
    hint: "Monday to Friday, 09:00 to 17:00.",
    windows: [{ days: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1020 }],
  },
  {
    preset: "nights",
    label: "Nights",
    hint: "Every night, 20:00 to 08:00 the next morning.",
    windows: [{ days: EVERY_DAY, startMinute: 1200, endMinute: 480 }],
  },
  {
    preset: "weekends",
    label: "Weekends",
    hint: "Saturday 00:00 to Monday 00:00.",
    windows: [{ days: [6, 7], startMinute: 0, endMinute: 0 }],
  },
];

function sameWindows(a: readonly DutyWindowValue[], b: readonly DutyWindowValue[]): boolean {
  const key = (list: readonly DutyWindowValue[]) =>
    JSON.stringify(
      list.map((w) => ({
        days: [...w.days].sort((x, y) => x - y),
        startMinute: w.startMinute,
        endMinute: w.endMinute % 1440,
      })),
    );
  return key(a) === key(b);
}

/** Which named choice a rotation's windows are, or "custom". */
export function presetOf(windows: readonly DutyWindowValue[] | null): DutyPreset {
  if (!windows || windows.length === 0) return "always";
  const match = DUTY_PRESETS.find((p) => p.windows && sameWindows(p.windows, windows));
  return match ? match.preset : "custom";
}

/** "Mon–Fri", "every day", "Sat, Sun". */
export function daysText(days: readonly number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const short = (day: number) => weekdayName(day).slice(0, 3);
  if (sorted.length === 7) return "every day";
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  const consecutive = first !== undefined && last !== undefined && last - first === sorted.length - 1;
  if (consecutive && sorted.length >= 3) return `${short(first)}–${short(last)}`;
  return sorted.map(short).join(", ");
}

/** "Mon–Fri 09:00–17:00", "every day 20:00–08:00 (next day)". */
export function windowText(window: DutyWindowValue): string {
  const crosses = window.endMinute <= window.startMinute;
  return `${daysText(window.days)} ${clockTime(window.startMinute)}–${clockTime(window.endMinute % 1440)}${crosses ? " (next day)" : ""}`;
}

/** How a rotation's duty is limited, in a line: "nights (every day 20:00–08:00 (next day))" or "all the time". */
export function dutyWindowsText(windows: readonly DutyWindowValue[] | null): string {
  const preset = presetOf(windows);
  if (preset === "always" || !windows) return "all the time";
  const listed = windows.map(windowText).join("; ");
  if (preset === "custom") return listed;
  const label = DUTY_PRESETS.find((p) => p.preset === preset)?.label.toLowerCase() ?? "";
  return `${label}: ${listed}`;
}
