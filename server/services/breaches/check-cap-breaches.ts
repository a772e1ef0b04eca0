import "server-only";
import type { Db } from "@/db/client";
import { deliverBreaches, type DeliveryReport } from "./deliver-breach";
import { storeFindings, type PersonFinding, type StoredBreach } from "./store-findings";
import { monthFindings } from "./month-findings";
import { liveTeam, teamEngineers } from "./team-engineers";

export interface BreachCheck {
  /** Breaches this check stored: new for their engineer, cap and period. */
  detected: StoredBreach[];
  /** Projected breaches this check found to be actual now. */
  confirmed: StoredBreach[];
  /** The webhook deliveries of `detected`, started once the rows were committed; never rejects. */
  deliveries: Promise<DeliveryReport[]>;
}

const NOTHING = (): BreachCheck => ({ detected: [], confirmed: [], deliveries: Promise.resolve([]) });

/**
 * Checks these engineers of the team (or all of them) against the team's caps for the running period: the
 * calendar month on the team's wall clock, counted up to now by docs/accounting.md's rules (the same loader and
 * accounting as the Team reports page), and projected to the month's end from the schedule. Stores what is
 * new once and starts its webhook; a breach already stored is neither stored nor sent again.
 */
export async function checkCapBreaches(
  db: Db,
  teamId: string,
  personIds: readonly string[] | "all",
  now: Date,
): Promise<BreachCheck> {
  const team = await liveTeam(db, teamId);
  if (!team) return NOTHING();
  const engineers = await teamEngineers(db, teamId, personIds);
  if (engineers.length === 0) return NOTHING();
  const month = await monthFindings(db, team, engineers, now);
  const findings: PersonFinding[] = month.engineers.flatMap(({ engineer, findings }) =>
    findings.map((finding) => ({ ...finding, personId: engineer.personId, period: month.period })),
  );
  const stored = await storeFindings(db, team, findings, now);
  return { ...stored, deliveries: deliverBreaches(db, stored.detected, now) };
}
