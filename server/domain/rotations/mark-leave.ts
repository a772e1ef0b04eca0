import { overlaps } from "./intervals";
import type { Absence, Shift } from "./types";

/** Sets `onLeave` on every shift that overlaps an absence of the person holding it. */
export function markLeave(shifts: readonly Shift[], absences: readonly Absence[]): Shift[] {
  const absencesByPerson = new Map<string, Absence[]>();
  for (const absence of absences) {
    const own = absencesByPerson.get(absence.personId);
    if (own) own.push(absence);
    else absencesByPerson.set(absence.personId, [absence]);
  }
  return shifts.map((shift) => {
    const own = absencesByPerson.get(shift.personId) ?? [];
    return { ...shift, onLeave: own.some((absence) => overlaps(shift, absence)) };
  });
}
