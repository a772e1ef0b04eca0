import "server-only";
import type { Db } from "@/db/client";
import type { Viewer } from "@/server/auth/permissions";
import type { CapFinding, DeliveryStatus } from "@/server/domain/breaches";
import type { ReviewProgress } from "@/server/domain/review/review-summary";
import type { BreachView } from "../breaches/breach-view";
import { requireTeamManager } from "../breaches/manager-access";
import { monthFindings } from "../breaches/month-findings";
import { teamBreaches } from "../breaches/team-breaches";
import { teamEngineers } from "../breaches/team-engineers";
import { reviewWindow } from "../review/review-week";
import { weekReviewProgress } from "../review/week-progress";

/** How many of the month's breaches the home lists; the Team reports page lists them all. */
const LATEST_BREACHES = 5;

export interface EngineerAtRisk {
  personId: string;
  name: string;
  /** Over a cap so far (projected: false) or heading over it by the month's end (projected: true). */
  findings: CapFinding[];
}

export interface TeamStanding {
  team: { id: string; name: string; timeZone: string };
  caps: { toilCap: number; onCallCap: number };
  /** The team's running calendar month, on its wall clock. */
  month: { from: Date; to: Date; key: string };
  engineers: number;
  /** Engineers over or heading over a cap, the highest share first. */
  atRisk: EngineerAtRisk[];
  breaches: {
    total: number;
    /** Breaches per webhook delivery state: whether the notification went out. */
    delivery: Record<DeliveryStatus, number>;
    /** The latest detected first. */
    latest: BreachView[];
  };
  review: { from: Date; to: Date; progress: ReviewProgress };
}

const highestShare = (findings: readonly CapFinding[]) => Math.max(0, ...findings.map((f) => f.share / f.cap));

/**
 * A manager's home: the team's standing this month (who is over a cap or projected to be, as the cap-breach
 * check judges it), the month's breaches and whether their notifications went out, and how far the last seven
 * days' interrupt review got. For the team's managers and admins of its organisation.
 */
export async function teamStanding(
  db: Db,
  viewer: Viewer,
  input: { teamId: string },
  now: Date,
): Promise<TeamStanding> {
  const team = await requireTeamManager(db, viewer, input.teamId);
  const window = reviewWindow(undefined, viewer.timeZone, now);
  // One after the other: the home reads this in its read-only transaction, whose connection takes one query at a time.
  const month = await monthFindings(db, team, await teamEngineers(db, team.id, "all"), now);
  const breaches = await teamBreaches(db, viewer, { teamId: team.id }, now);
  const progress = await weekReviewProgress(db, team.id, window);
  const delivery: Record<DeliveryStatus, number> = { sent: 0, pending: 0, failed: 0, none: 0 };
  for (const breach of breaches.breaches) delivery[breach.deliveryStatus] += 1;
  const atRisk = month.engineers
    .filter(({ findings }) => findings.length > 0)
    .map(({ engineer, findings }) => ({ personId: engineer.personId, name: engineer.name, findings }))
    .sort((a, b) => highestShare(b.findings) - highestShare(a.findings) || a.name.localeCompare(b.name));
  return {
    team: { id: team.id, name: team.name, timeZone: team.timeZone },
    caps: { toilCap: team.toilCap, onCallCap: team.onCallCap },
    month: { from: new Date(month.period.start), to: new Date(month.period.end), key: breaches.month },
    engineers: month.engineers.length,
    atRisk,
    breaches: {
      total: breaches.breaches.length,
      delivery,
      latest: [...breaches.breaches]
        .sort((a, b) => b.detectedAt.getTime() - a.detectedAt.getTime())
        .slice(0, LATEST_BREACHES),
    },
    review: { from: new Date(window.start), to: new Date(window.end), progress },
  };
}
