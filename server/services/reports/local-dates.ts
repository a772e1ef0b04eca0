import "server-only";
import { localDateOf, type LocalDate } from "@/server/domain/time";

/** yyyy-mm-dd, as the date columns and date inputs hold it. */
export function isoDateOf(date: LocalDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** Reads a yyyy-mm-dd the schemas already checked. */
export function localDateFromIso(iso: string): LocalDate {
  const [year = 0, month = 0, day = 0] = iso.split("-").map(Number);
  return { year, month, day };
}

/** Today on the wall clock of `timeZone`, yyyy-mm-dd (comparable as text). */
export function todayIn(timeZone: string, now: Date): string {
  return isoDateOf(localDateOf(now.getTime(), timeZone));
}
