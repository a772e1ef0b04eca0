import "server-only";
import type { Db } from "@/db/client";
import type { AccountingFacts } from "@/server/domain/accounting";
import type { Interval } from "@/server/domain/time";
import { DomainError } from "../errors";
import { loadPeopleFacts, loadProfiles, type PersonProfile, type WorkProfile } from "./people-facts";

export type { WorkProfile } from "./people-facts";

export async function loadWorkProfile(db: Db, personId: string): Promise<PersonProfile> {
  const profile = (await loadProfiles(db, [personId])).get(personId);
  if (!profile) throw new DomainError("not-found", "No such person.");
  return profile;
}

/** Everything the accounting needs about one person over `range` (see loadPeopleFacts). */
export async function loadAccountingFacts(
  db: Db,
  personId: string,
  profile: WorkProfile,
  range: Interval,
  now: Date,
): Promise<AccountingFacts> {
  const loaded = await loadPeopleFacts(db, [{ personId, ...profile }], range, now);
  return loaded.get(personId)?.facts ?? { ...profile, absences: [], shifts: [], entries: [] };
}
