import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { externalUserLink, person, teamMember } from "@/db/schema";

/** Systems whose users a team links to its people. */
export type ExternalSystem = "pagerduty" | "jira";

/** A person as another system names them: its user id (`PXPGF42`, a Jira account id), and the name and email it shows. */
export interface ExternalPerson {
  id: string;
  name: string | null;
  email?: string | null;
}

/** A PagerDuty user. */
export type PagerdutyPerson = ExternalPerson;

/** How a user was matched to a member: a link the team remembers, or a proposal from the name or email. */
export type ExternalMatch = { personId: string; name: string; by: "link" | "email" | "name" };

const normalName = (name: string) => name.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();

/**
 * The team's members matching these users of a system: by the team's remembered link first, else by email, else
 * by a name that exactly one member has. Users nobody matches are left out.
 */
export async function matchExternalUsers(
  db: Db,
  teamId: string,
  system: ExternalSystem,
  users: readonly ExternalPerson[],
): Promise<Map<string, ExternalMatch>> {
  const matches = new Map<string, ExternalMatch>();
  if (users.length === 0) return matches;
  const members = await db
    .selectDistinct({ personId: person.id, name: person.name, email: person.email })
    .from(teamMember)
    .innerJoin(person, eq(person.id, teamMember.personId))
    .where(and(eq(teamMember.teamId, teamId), isNull(person.deletedAt)));
  const memberById = new Map(members.map((m) => [m.personId, m]));
  const links = await db
    .select()
    .from(externalUserLink)
    .where(
      and(
        eq(externalUserLink.teamId, teamId),
        eq(externalUserLink.system, system),
        inArray(externalUserLink.externalUserId, [...new Set(users.map((u) => u.id))]),
      ),
    );
  const linked = new Map(
    links.flatMap((link) =>
      link.removedAt === null && memberById.has(link.personId) ? [[link.externalUserId, link.personId] as const] : [],
    ),
  );
  // A planner said these users are nobody in the team: no email or name may credit them either.
  const nobody = new Set(links.flatMap((link) => (link.removedAt === null ? [] : [link.externalUserId])));
  for (const user of users) {
    if (nobody.has(user.id)) continue;
    const linkedId = linked.get(user.id);
    const byLink = linkedId ? memberById.get(linkedId) : undefined;
    const byEmail = user.email
      ? members.find((m) => m.email.toLowerCase() === user.email?.trim().toLowerCase())
      : undefined;
    const named = user.name ? members.filter((m) => normalName(m.name) === normalName(user.name ?? "")) : [];
    const byName = named.length === 1 ? named[0] : undefined;
    const match = byLink
      ? { m: byLink, by: "link" as const }
      : byEmail
        ? { m: byEmail, by: "email" as const }
        : byName
          ? { m: byName, by: "name" as const }
          : null;
    if (match) matches.set(user.id, { personId: match.m.personId, name: match.m.name, by: match.by });
  }
  return matches;
}
