import type { Db } from "@/db/client";
import { interrupt, rotation, rotationParticipant, workEntry } from "@/db/schema";
import type { TeamRole } from "@/server/auth/permissions";
import { makeOrganisation, makePerson, makeTeam } from "./fixtures";
import { NO_TRAITS } from "./work-log-fixtures";

/** Test helpers for the team reports: a team with every kind of viewer, and rows written as the app would. */

type Person = Awaited<ReturnType<typeof makePerson>>;

/**
 * "Platform SRE" with a manager (manager only), engineers Erika and Jonas (Berlin) and Dana (New York), Priya
 * (engineer and planner); "Data SRE" with its own engineer; an admin; and an admin of another organisation.
 */
export async function makeReportTeam(db: Db) {
  const org = await makeOrganisation(db, "Northwind");
  const team = await makeTeam(db, org.id, "Platform SRE");
  const otherTeam = await makeTeam(db, org.id, "Data SRE");
  const member = (roles: TeamRole[], timeZone = "Europe/Berlin") => ({ timeZone, teams: [{ teamId: team.id, roles }] });
  const manager = await makePerson(db, org.id, { name: "Mona Manager", ...member(["manager"]) });
  const erika = await makePerson(db, org.id, { name: "Erika Berg", ...member(["engineer"]) });
  const jonas = await makePerson(db, org.id, { name: "Jonas Hahn", ...member(["engineer"]) });
  const dana = await makePerson(db, org.id, { name: "Dana Kim", ...member(["engineer"], "America/New_York") });
  const priya = await makePerson(db, org.id, { name: "Priya Raman", ...member(["engineer", "planner"]) });
  const outsider = await makePerson(db, org.id, {
    name: "Otto Other",
    teams: [{ teamId: otherTeam.id, roles: ["engineer", "manager"] }],
  });
  const admin = await makePerson(db, org.id, { name: "Ada Admin", isAdmin: true });
  const elsewhere = await makeOrganisation(db, "Elsewhere");
  const foreignAdmin = await makePerson(db, elsewhere.id, { name: "Fay Foreign", isAdmin: true });
  return { org, team, otherTeam, manager, erika, jonas, dana, priya, outsider, admin, foreignAdmin };
}

export type ReportTeamFixture = Awaited<ReturnType<typeof makeReportTeam>>;

export async function logEntry(
  db: Db,
  entry: {
    person: Pick<Person, "id">;
    teamId: string;
    startsAt: Date;
    minutes: number;
    category?: "toil" | "overhead";
    summary?: string;
    templateId?: string;
    serviceId?: string;
    interruptId?: string;
    deletedAt?: Date;
  },
) {
  const [row] = await db
    .insert(workEntry)
    .values({
      personId: entry.person.id,
      teamId: entry.teamId,
      startsAt: entry.startsAt,
      minutes: entry.minutes,
      category: entry.category ?? "toil",
      summary: entry.summary ?? `work at ${entry.startsAt.toISOString()}`,
      templateId: entry.templateId ?? null,
      serviceId: entry.serviceId ?? null,
      interruptId: entry.interruptId ?? null,
      deletedAt: entry.deletedAt ?? null,
      ...NO_TRAITS,
    })
    .returning();
  if (!row) throw new Error("no entry");
  return row;
}

export async function addInterrupt(
  db: Db,
  opts: {
    teamId: string;
    openedAt: Date;
    kind?: "page" | "ticket" | "request";
    assigneeId?: string;
    isIncident?: boolean;
    actionable?: boolean | null;
    alertName?: string;
    deletedAt?: Date;
  },
) {
  const [row] = await db
    .insert(interrupt)
    .values({
      teamId: opts.teamId,
      kind: opts.kind ?? "page",
      summary: `${opts.alertName ?? opts.kind ?? "page"} at ${opts.openedAt.toISOString()}`,
      openedAt: opts.openedAt,
      assigneeId: opts.assigneeId ?? null,
      isIncident: opts.isIncident ?? false,
      actionable: opts.actionable ?? null,
      alertName: opts.alertName ?? null,
      deletedAt: opts.deletedAt ?? null,
    })
    .returning();
  if (!row) throw new Error("no interrupt");
  return row;
}

/**
 * A rotation handing off in `timeZone` (weekly on Mondays at 09:00 unless told), as if created at `recordedUntil`:
 * shifts before it were never held, later ones are expanded (and recorded once they end).
 */
export async function addRotation(
  db: Db,
  opts: {
    teamId: string;
    role: "primary" | "secondary" | "ticket" | "shadow";
    participants: string[];
    timeZone: string;
    startsOn: string;
    recordedUntil: Date;
    shiftUnit?: "hours" | "days" | "weeks";
    handoffMinute?: number;
  },
) {
  const [row] = await db
    .insert(rotation)
    .values({
      teamId: opts.teamId,
      name: `${opts.role} rotation`,
      role: opts.role,
      timeZone: opts.timeZone,
      startsOn: opts.startsOn,
      shiftUnit: opts.shiftUnit ?? "weeks",
      handoffMinute: opts.handoffMinute ?? 9 * 60,
      recordedUntil: opts.recordedUntil,
      createdAt: opts.recordedUntil,
    })
    .returning();
  if (!row) throw new Error("no rotation");
  await db
    .insert(rotationParticipant)
    .values(opts.participants.map((personId, position) => ({ rotationId: row.id, personId, position })));
  return row;
}
