import { DateTime } from "luxon";

export type HolidayRegion = "berlin" | "us";

export interface Holiday {
  /** ISO calendar date, yyyy-mm-dd. */
  date: string;
  name: string;
}

const date = (year: number, month: number, day: number): DateTime => DateTime.utc(year, month, day);

/** Easter Sunday in the Gregorian calendar (the anonymous algorithm, also known as Meeus/Jones/Butcher). */
function easterSunday(year: number): DateTime {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return date(year, month, day);
}

/** The `n`-th given ISO weekday of a month; n = -1 is the last one. */
function nthWeekday(year: number, month: number, weekday: number, n: number): DateTime {
  if (n < 0) {
    const last = date(year, month, 1).endOf("month").startOf("day");
    return last.minus({ days: (last.weekday - weekday + 7) % 7 });
  }
  const first = date(year, month, 1);
  return first.plus({ days: ((weekday - first.weekday + 7) % 7) + (n - 1) * 7 });
}

/** US companies move a Saturday holiday to Friday and a Sunday one to Monday. */
function observed(day: DateTime): DateTime {
  if (day.weekday === 6) return day.minus({ days: 1 });
  if (day.weekday === 7) return day.plus({ days: 1 });
  return day;
}

function berlin(year: number): Array<[DateTime, string]> {
  const easter = easterSunday(year);
  return [
    [date(year, 1, 1), "New Year's Day"],
    [date(year, 3, 8), "International Women's Day"],
    [easter.minus({ days: 2 }), "Good Friday"],
    [easter.plus({ days: 1 }), "Easter Monday"],
    [date(year, 5, 1), "Labour Day"],
    [easter.plus({ days: 39 }), "Ascension Day"],
    [easter.plus({ days: 50 }), "Whit Monday"],
    [date(year, 10, 3), "German Unity Day"],
    [date(year, 12, 25), "Christmas Day"],
    [date(year, 12, 26), "Second Day of Christmas"],
  ];
}

function unitedStates(year: number): Array<[DateTime, string]> {
  return [
    [observed(date(year, 1, 1)), "New Year's Day"],
    [nthWeekday(year, 1, 1, 3), "Martin Luther King Jr. Day"],
    [nthWeekday(year, 2, 1, 3), "Presidents' Day"],
    [nthWeekday(year, 5, 1, -1), "Memorial Day"],
    [observed(date(year, 6, 19)), "Juneteenth"],
    [observed(date(year, 7, 4)), "Independence Day"],
    [nthWeekday(year, 9, 1, 1), "Labor Day"],
    [nthWeekday(year, 11, 4, 4), "Thanksgiving"],
    [observed(date(year, 12, 25)), "Christmas Day"],
  ];
}

/** Public holidays a region's offices close for, in one calendar year. */
export function publicHolidays(region: HolidayRegion, year: number): Holiday[] {
  const days = region === "berlin" ? berlin(year) : unitedStates(year);
  return days.map(([day, name]) => ({ date: day.toFormat("yyyy-MM-dd"), name }));
}

export function holidayRegionOf(timeZone: string): HolidayRegion | null {
  if (timeZone === "Europe/Berlin") return "berlin";
  if (timeZone === "America/New_York") return "us";
  return null;
}
