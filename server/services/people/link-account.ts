import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organisation, person } from "@/db/schema";
import { recordAudit } from "../audit";
import { assertReturned } from "@/server/services/returned-row";

export type SignUpPolicy = "first-admin" | "invited" | "refused";

// Serializes sign-ups so two simultaneous first accounts cannot both become admin.
const SIGN_UP_LOCK_KEY = 7_320_452;

async function invitedPerson(db: Db, email: string) {
  const [row] = await db
    .select()
    .from(person)
    .where(and(sql`lower(${person.email}) = lower(${email})`, isNull(person.userId), isNull(person.deletedAt)));
  return row;
}

async function hasAdmin(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: person.id }).from(person).where(eq(person.isAdmin, true)).limit(1);
  return row !== undefined;
}

/** Sign-up is open for the first account of an empty instance, and afterwards only to invited people. */
export async function signUpPolicy(db: Db, email: string): Promise<SignUpPolicy> {
  if (!(await hasAdmin(db))) return "first-admin";
  return (await invitedPerson(db, email)) ? "invited" : "refused";
}

/** Runs after better-auth created the user: attach it to the invited person, or make the first admin. */
export async function linkAccountToPerson(
  db: Db,
  user: { id: string; email: string; name: string },
): Promise<{ personId: string; policy: SignUpPolicy }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SIGN_UP_LOCK_KEY})`);
    const invited = await invitedPerson(tx, user.email);
    if (invited) {
      await tx.update(person).set({ userId: user.id }).where(eq(person.id, invited.id));
      await recordAudit(tx, {
        actorPersonId: invited.id,
        action: "person.sign-up",
        entityType: "person",
        entityId: invited.id,
      });
      return { personId: invited.id, policy: "invited" as const };
    }
    if (await hasAdmin(tx)) return { personId: "", policy: "refused" as const };
    const [existingOrg] = await tx.select().from(organisation).limit(1);
    const org =
      existingOrg ?? (await tx.insert(organisation).values({ name: "My organisation" }).returning()).at(0);
    assertReturned(org, "organisation insert");
    const [admin] = await tx
      .insert(person)
      .values({ organisationId: org.id, userId: user.id, name: user.name, email: user.email, isAdmin: true })
      .returning();
    assertReturned(admin, "person insert");
    await recordAudit(tx, { actorPersonId: admin.id, action: "person.first-admin", entityType: "person", entityId: admin.id });
    return { personId: admin.id, policy: "first-admin" as const };
  });
}
