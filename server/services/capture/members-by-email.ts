import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { person, teamMember } from "@/db/schema";

export interface TicketAssignee {
  personId: string;
  name: string;
}

/** The team's members among these lower-cased emails, by email: tickets are credited to members only. */
export async function membersByEmail(
  db: Db,
  teamId: string,
  emails: readonly string[],
): Promise<Map<string, TicketAssignee>> {
  if (emails.length === 0) return new Map();
  const rows = await db
    .selectDistinct({ personId: person.id, name: person.name, email: person.email })
    .from(teamMember)
    .innerJoin(person, eq(person.id, teamMember.personId))
    .where(
      and(
        eq(teamMember.teamId, teamId),
        isNull(teamMember.removedFrom),
        isNull(person.deletedAt),
        inArray(sql`lower(${person.email})`, [...new Set(emails)]),
      ),
    );
  return new Map(rows.map((r) => [r.email.toLowerCase(), { personId: r.personId, name: r.name }]));
}
