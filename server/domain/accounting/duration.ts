/** Longest single entry: a day. Longer work is several entries, so reports can place it in time. */
export const MAX_ENTRY_MINUTES = 24 * 60;

export type ParsedDuration = { ok: true; minutes: number } | { ok: false; error: string };

const EXAMPLES = "25m, 1h30, 1.5h or 1:30";
const HOURS_AND_MINUTES = /^(\d+):(\d+)$/;
const BARE_WHOLE_NUMBER = /^\d+$/;
const BARE_DECIMAL = /^\d*\.\d+$/;
const WITH_UNITS =
  /^(?:(?<hours>\d*\.?\d+)\s*(?:h|hr|hrs|hour|hours))?\s*(?:(?<minutes>\d*\.?\d+)\s*(?<minuteUnit>m|min|mins|minute|minutes)?)?$/;

/**
 * Reads a duration the way people type it: `25m`, `25 min`, `1h30`, `1h 30m`, `1.5h`, `1,5h`,
 * `2h`, `1:30` (h:mm) or a bare whole number of minutes (`90`). Rounds to whole minutes and
 * accepts 1 minute to 24 hours.
 */
export function parseDuration(text: string): ParsedDuration {
  const input = text
    .trim()
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/(\d),(\d)/g, "$1.$2");
  if (input === "") return failure(`Enter a duration, such as ${EXAMPLES}.`);
  if (/^[-−]/.test(input)) return failure("A duration must be positive.");

  const minutes = readMinutes(input);
  if (typeof minutes === "string") return failure(minutes);
  const rounded = Math.round(minutes);
  if (rounded < 1) return failure("A duration must be at least 1 minute.");
  if (rounded > MAX_ENTRY_MINUTES) {
    return failure("A single entry can be at most 24 h; split longer work into several entries.");
  }
  return { ok: true, minutes: rounded };
}

/** Minutes, or a message saying what is wrong. */
function readMinutes(input: string): number | string {
  const clock = HOURS_AND_MINUTES.exec(input);
  if (clock) {
    const [, hours = "", minutes = ""] = clock;
    if (minutes.length !== 2 || Number(minutes) >= 60) {
      return `After the colon come two digits of minutes under 60: 1:30 is 1 h 30 min.`;
    }
    return Number(hours) * 60 + Number(minutes);
  }
  if (BARE_WHOLE_NUMBER.test(input)) return Number(input);
  // "1.5" alone could mean 1.5 hours or 1.5 minutes; logging the wrong one would go unnoticed.
  if (BARE_DECIMAL.test(input)) return `Add a unit to "${input}": ${input}h for hours or ${input}m for minutes.`;

  const parts = WITH_UNITS.exec(input)?.groups;
  if (!parts || (parts.hours === undefined && parts.minutes === undefined)) {
    return `Could not read "${input}" as a duration; try ${EXAMPLES}.`;
  }
  const hours = Number(parts.hours ?? 0);
  const minutes = Number(parts.minutes ?? 0);
  if (parts.hours !== undefined && parts.minutes !== undefined) {
    if (!Number.isInteger(hours)) return `Use either decimal hours (1.5h) or hours and minutes (1h 30m), not both.`;
    if (minutes >= 60) return `Minutes after the hours must be under 60: 1h 30m, not 1h 90m.`;
  }
  return hours * 60 + minutes;
}

function failure(error: string): ParsedDuration {
  return { ok: false, error };
}

/** Compact human form of a duration: "25 min", "2 h", "1 h 30 min". Rounds to whole minutes. */
export function formatMinutes(minutes: number): string {
  if (!Number.isFinite(minutes)) throw new RangeError(`Cannot format ${minutes} minutes`);
  const whole = Math.round(Math.abs(minutes));
  const sign = minutes < 0 && whole > 0 ? "-" : "";
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (hours === 0) return `${sign}${rest} min`;
  if (rest === 0) return `${sign}${hours} h`;
  return `${sign}${hours} h ${rest} min`;
}
