import { overlaps } from "../time";
import type { Absence, Shift } from "./types";

/**
 * Sets `onLeave` on every shift that overlaps an absence of the person holding it, in place: the shifts are the
 * expansion's own fresh objects, and copying a year of them only to set a flag cost more than the rest.
 */
export function markLeave(shifts: Shift[], absences: readonly Absence[]): Shift[] {
  if (absences.length === 0) return shifts;
  const absencesByPerson = new Map<string, Absence[]>();
  for (const absence of absences) {
    const own = absencesByPerson.get(absence.personId);
    if (own) own.push(absence);
    else absencesByPerson.set(absence.personId, [absence]);
  }
  for (const shift of shifts) {
    const own = absencesByPerson.get(shift.personId);
    shift.onLeave = own?.some((absence) => overlaps(shift, absence)) ?? false;
  }
  return shifts;
}
