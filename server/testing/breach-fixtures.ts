import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { capBreach, team } from "@/db/schema";
import type { TeamRole } from "@/server/auth/permissions";
import { makeOrganisation, makePerson, makeTeam } from "./fixtures";
import { logEntry } from "./report-fixtures";
import { local } from "./work-log-fixtures";

/** Test helpers for the cap-breach notifications. */

export const BERLIN = "Europe/Berlin";
export const NEW_YORK = "America/New_York";
export const KOLKATA = "Asia/Kolkata";

/**
 * "Platform SRE" (caps 50% / 25%) with a manager (manager only), engineers Erika and Jonas (Berlin), Dana
 * (New York) and Kiran (Kolkata); "Data SRE" with its own engineer; an admin; an admin of another organisation.
 */
export async function makeBreachTeam(db: Db, opts: { webhookUrl?: string | null } = {}) {
  const org = await makeOrganisation(db, "Northwind");
  const home = await makeTeam(db, org.id, "Platform SRE");
  const otherTeam = await makeTeam(db, org.id, "Data SRE");
  if (opts.webhookUrl) await db.update(team).set({ breachWebhookUrl: opts.webhookUrl }).where(eq(team.id, home.id));
  const member = (roles: TeamRole[], timeZone = BERLIN) => ({ timeZone, teams: [{ teamId: home.id, roles }] });
  return {
    org,
    team: home,
    otherTeam,
    manager: await makePerson(db, org.id, { name: "Mona Manager", ...member(["manager"]) }),
    erika: await makePerson(db, org.id, { name: "Erika Berg", ...member(["engineer"]) }),
    jonas: await makePerson(db, org.id, { name: "Jonas Hahn", ...member(["engineer"]) }),
    dana: await makePerson(db, org.id, { name: "Dana Kim", ...member(["engineer"], NEW_YORK) }),
    kiran: await makePerson(db, org.id, { name: "Kiran Rao", ...member(["engineer"], KOLKATA) }),
    outsider: await makePerson(db, org.id, {
      name: "Otto Other",
      teams: [{ teamId: otherTeam.id, roles: ["engineer", "manager"] }],
    }),
    admin: await makePerson(db, org.id, { name: "Ada Admin", isAdmin: true }),
    foreignAdmin: await makePerson(db, (await makeOrganisation(db, "Elsewhere")).id, {
      name: "Fay Foreign",
      isAdmin: true,
    }),
  };
}

export type BreachTeamFixture = Awaited<ReturnType<typeof makeBreachTeam>>;

/** A whole working day (09:00-17:00 on their clock) of toil on each of these local dates. */
export async function toilDays(
  db: Db,
  who: { id: string; timeZone: string },
  teamId: string,
  isoDates: readonly string[],
  minutes = 480,
) {
  for (const date of isoDates)
    await logEntry(db, { person: who, teamId, startsAt: local(`${date}T09:00`, who.timeZone), minutes });
}

/** The stored breaches of a team (or of one engineer in it), sorted by person, cap and period. */
export async function breachesOf(db: Db, teamId: string, personId?: string) {
  const rows = await db
    .select()
    .from(capBreach)
    .where(
      personId ? and(eq(capBreach.teamId, teamId), eq(capBreach.personId, personId)) : eq(capBreach.teamId, teamId),
    );
  return rows.sort(
    (a, b) =>
      a.personId.localeCompare(b.personId) ||
      a.kind.localeCompare(b.kind) ||
      a.periodStart.getTime() - b.periodStart.getTime(),
  );
}
