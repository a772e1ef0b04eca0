import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { person } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";

export interface PersonAccess {
  personId: string;
  name: string;
  email: string;
  isAdmin: boolean;
  hasAccount: boolean;
  deactivatedAt: Date | null;
}

/** Everyone in the admin's organisation, with whether they can sign in: the admin's access overview. */
export async function listPeopleAccess(db: Db, admin: Viewer): Promise<PersonAccess[]> {
  const rows = await db
    .select()
    .from(person)
    .where(and(eq(person.organisationId, admin.organisationId), isNull(person.deletedAt)))
    .orderBy(asc(person.name), asc(person.id));
  return rows.map((row) => ({
    personId: row.id,
    name: row.name,
    email: row.email,
    isAdmin: row.isAdmin,
    hasAccount: row.userId !== null,
    deactivatedAt: row.deactivatedAt,
  }));
}
