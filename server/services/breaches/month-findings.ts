import "server-only";
import type { Db } from "@/db/client";
import { periodWindow } from "@/server/domain/accounting";
import { capFindings, periodShares, type CapFinding, type TeamCaps } from "@/server/domain/breaches";
import type { Interval } from "@/server/domain/time";
import { loadPeopleFacts, type PersonProfile } from "../share/people-facts";

export interface EngineerFindings {
  engineer: PersonProfile;
  /** Over a cap so far, or projected over it by the month's end (an actual breach wins); empty when under both. */
  findings: CapFinding[];
}

/**
 * The team's running month (its calendar month on its wall clock) and, per engineer, the caps they are over so far
 * or projected to be over by its end: what the cap-breach check stores and the manager's home shows.
 */
export async function monthFindings(
  db: Db,
  team: TeamCaps & { timeZone: string },
  engineers: readonly PersonProfile[],
  now: Date,
): Promise<{ period: Interval; engineers: EngineerFindings[] }> {
  const period = periodWindow("month", now.getTime(), team.timeZone);
  const facts = await loadPeopleFacts(db, engineers, period, now);
  return {
    period,
    engineers: engineers.map((engineer) => {
      const own = facts.get(engineer.personId)?.facts ?? { ...engineer, absences: [], shifts: [], entries: [] };
      return { engineer, findings: capFindings(periodShares(own, period, now.getTime()), team) };
    }),
  };
}
