import type { Db } from "@/db/client";
import { capStanding, NO_HISTORY, projectLoad } from "@/server/domain/accounting";
import type { Interval, RotationRole } from "@/server/domain/rotations";
import type { DraftContext } from "./draft-context";
import { capWarnings, type PlanWarning } from "./named-warnings";
import { activeRotations } from "./rotation-rows";
import { toilHistories } from "./toil-history";
import { shiftsInWindow } from "./window-shifts";

export interface HeldDuty extends Interval {
  personId: string;
  role: RotationRole;
}

/**
 * Projects each person's shares for a plan of the draft over its horizon: the plan's duty plus their duty in the
 * team's other rotations, and their logged toil projected from their last weeks. Reads the other rotations and
 * the histories once, so a plan and its alternative are judged on the same facts.
 */
export async function draftShareProjector(db: Db, context: DraftContext, now: Date) {
  const { window, people, team } = context;
  const others = (await activeRotations(db, [team.id])).filter((row) => row.id !== context.saved?.id);
  const otherShifts = await shiftsInWindow(db, others, window);
  const histories = await toilHistories(db, [...people.values()], now);
  const horizonText = `the next ${context.weeks} ${context.weeks === 1 ? "week" : "weeks"}`;

  function project(plan: readonly HeldDuty[]) {
    return [...people.values()].map((person) => {
      const own = [...plan, ...otherShifts]
        .filter((shift) => shift.personId === person.personId)
        .map((shift) => ({ role: shift.role, start: shift.start, end: shift.end }));
      const absences = context.absences.filter((absence) => absence.personId === person.personId);
      const projected = projectLoad(
        { timeZone: person.timeZone, workPattern: person.workPattern, absences },
        window,
        context.weeks,
        own,
        histories.get(person.personId) ?? NO_HISTORY,
      );
      // A projection covers the whole horizon's scheduled time, so it is never provisional.
      const standing = capStanding(projected, team, false);
      return {
        personId: person.personId,
        name: person.name,
        timeZone: person.timeZone,
        minutes: {
          scheduled: projected.scheduled,
          duty: projected.duty,
          onCallDuty: projected.onCallDuty,
          logged: projected.logged,
          afterHours: projected.afterHours,
          operational: projected.operational,
          worked: projected.worked,
        },
        toilShare: projected.toilShare,
        onCallShare: projected.onCallShare,
        overToilCap: standing.toil.over,
        overOnCallCap: standing.onCall.over,
      };
    });
  }

  return {
    project,
    capWarnings(loads: ReturnType<typeof project>): PlanWarning[] {
      return capWarnings(loads, team, horizonText);
    },
  };
}
