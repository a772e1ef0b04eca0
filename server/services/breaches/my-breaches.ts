import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Db } from "@/db/client";
import { capBreach, team } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import { breachSentence } from "@/server/domain/breaches";
import { loadBreachViews, type BreachView } from "./breach-view";

/** More than this many waiting alerts would not be read anyway. */
const MINE_LIMIT = 20;

export interface MyBreach extends BreachView {
  /** "Your toil share this month reached 62%, over the team's 50% cap." */
  message: string;
}

/** "this month" for the running period, else "in November 2025", on the engineer's calendar. */
function periodWords(breach: BreachView, now: Date): string {
  const running = breach.periodStart <= now && now < breach.periodEnd;
  if (running) return "this month";
  return `in ${DateTime.fromJSDate(breach.periodStart, { zone: breach.timeZone }).setLocale("en-GB").toFormat("LLLL yyyy")}`;
}

/** The caller's own breaches not yet put away, newest first, each with its sentence for the home page. */
export async function myBreaches(db: Db, viewer: Viewer, now: Date): Promise<MyBreach[]> {
  const rows = await loadBreachViews(
    db,
    and(eq(capBreach.personId, viewer.personId), isNull(capBreach.acknowledgedAt), isNull(team.deletedAt)),
    [desc(capBreach.detectedAt), desc(capBreach.id)],
    MINE_LIMIT,
  );
  const manyTeams = new Set(rows.map((r) => r.teamId)).size > 1 || viewer.memberships.length > 1;
  return rows.map((row) => ({
    ...row,
    message: breachSentence(row, {
      whose: "Your",
      period: periodWords(row, now),
      capOwner: manyTeams ? `${row.teamName}'s` : "the team's",
    }),
  }));
}
