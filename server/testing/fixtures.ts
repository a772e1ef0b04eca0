import type { Db } from "@/db/client";
import { organisation, person, team, teamMember, user } from "@/db/schema";
import type { TeamRole } from "@/server/auth/permissions";
import { loadViewerByPersonId } from "@/server/auth/viewer";
import type { Context } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";

let counter = 0;

export async function makeOrganisation(db: Db, name = "Acme") {
  const [org] = await db.insert(organisation).values({ name }).returning();
  if (!org) throw new Error("no organisation");
  return org;
}

/** A team on Berlin's calendar by default, like the people makePerson makes. */
export async function makeTeam(db: Db, organisationId: string, name = `Team ${++counter}`, timeZone = "Europe/Berlin") {
  const [row] = await db.insert(team).values({ organisationId, name, timeZone }).returning();
  if (!row) throw new Error("no team");
  return row;
}

/** A person with an auth user, so they can be a viewer. */
export async function makePerson(
  db: Db,
  organisationId: string,
  opts: {
    name?: string;
    timeZone?: string;
    isAdmin?: boolean;
    teams?: Array<{ teamId: string; roles: TeamRole[] }>;
  } = {},
) {
  const n = ++counter;
  const email = `person${n}-${Math.random().toString(36).slice(2, 8)}@example.test`;
  const userId = crypto.randomUUID();
  await db.insert(user).values({ id: userId, name: opts.name ?? `Person ${n}`, email });
  const [row] = await db
    .insert(person)
    .values({
      organisationId,
      userId,
      name: opts.name ?? `Person ${n}`,
      email,
      timeZone: opts.timeZone ?? "Europe/Berlin",
      isAdmin: opts.isAdmin ?? false,
    })
    .returning();
  if (!row) throw new Error("no person");
  for (const membership of opts.teams ?? []) {
    await db
      .insert(teamMember)
      .values(membership.roles.map((role) => ({ teamId: membership.teamId, personId: row.id, role })));
  }
  return row;
}

export function contextFor(db: Db, viewer: Context["viewer"], now = () => new Date()): Context {
  return { db, viewer, now };
}

/** A tRPC caller acting as this person (loaded from the database like a real request), or anonymous. */
export async function callerAs(db: Db, personId: string | null, now?: () => Date) {
  const viewer = personId ? await loadViewerByPersonId(db, personId) : null;
  if (personId && !viewer) throw new Error(`person ${personId} cannot be a viewer`);
  return createCaller(contextFor(db, viewer, now));
}
