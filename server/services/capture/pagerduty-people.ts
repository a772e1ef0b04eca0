import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { pagerdutyUserLink, person, teamMember } from "@/db/schema";

/** A person as PagerDuty names them: its user id (`PXPGF42`), and the name and email it shows, when known. */
export interface PagerdutyPerson {
  id: string;
  name: string | null;
  email?: string | null;
}

/** How a PagerDuty user was matched to a member: a link the team remembers, or a proposal from the name or email. */
export type PagerdutyMatch = { personId: string; name: string; by: "link" | "email" | "name" };

const normalName = (name: string) => name.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();

/**
 * The team's members matching these PagerDuty users: by the team's remembered link first, else by email, else
 * by a name that exactly one member has. Users nobody matches are left out.
 */
export async function matchPagerdutyUsers(db: Db, teamId: string, users: readonly PagerdutyPerson[]): Promise<Map<string, PagerdutyMatch>> {
  const matches = new Map<string, PagerdutyMatch>();
  if (users.length === 0) return matches;
  const members = await db
    .selectDistinct({ personId: person.id, name: person.name, email: person.email })
    .from(teamMember)
    .innerJoin(person, eq(person.id, teamMember.personId))
    .where(and(eq(teamMember.teamId, teamId), isNull(person.deletedAt)));
  const memberById = new Map(members.map((m) => [m.personId, m]));
  const links = await db
    .select()
    .from(pagerdutyUserLink)
    .where(and(eq(pagerdutyUserLink.teamId, teamId), inArray(pagerdutyUserLink.pagerdutyUserId, [...new Set(users.map((u) => u.id))])));
  const linked = new Map(links.flatMap((link) => (memberById.has(link.personId) ? [[link.pagerdutyUserId, link.personId] as const] : [])));
  for (const user of users) {
    const linkedId = linked.get(user.id);
    const byLink = linkedId ? memberById.get(linkedId) : undefined;
    const byEmail = user.email ? members.find((m) => m.email.toLowerCase() === user.email?.trim().toLowerCase()) : undefined;
    const named = user.name ? members.filter((m) => normalName(m.name) === normalName(user.name ?? "")) : [];
    const byName = named.length === 1 ? named[0] : undefined;
    const match = byLink ? { m: byLink, by: "link" as const } : byEmail ? { m: byEmail, by: "email" as const } : byName ? { m: byName, by: "name" as const } : null;
    if (match) matches.set(user.id, { personId: match.m.personId, name: match.m.name, by: match.by });
  }
  return matches;
}
