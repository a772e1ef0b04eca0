import "server-only";
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { invitation, organisation, person, teamMember, user } from "@/db/schema";
import { recordAudit } from "../audit";
import { DomainError } from "../errors";
import { invitationDigest, INVITATION_TOKEN_PATTERN } from "./invitation-token";
import { joinTeam } from "./membership";
import { assertReturned } from "@/server/services/returned-row";

/** The account better-auth created (or is about to create): who signs up. */
export interface NewAccount {
  id: string;
  email: string;
  name: string;
  /** The zone asked for at sign-up; else the invitation's (or, for the first admin, UTC). */
  timeZone?: string | undefined;
}

// Serializes sign-ups so two simultaneous first accounts cannot both become admin, nor one link be used twice.
const SIGN_UP_LOCK_KEY = 7_320_452;

const REFUSED = "Sign-up is by invitation: open the invitation link a manager of your team sent you.";

async function hasAdmin(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: person.id }).from(person).where(eq(person.isAdmin, true)).limit(1);
  return row !== undefined;
}

async function openLinkInvitation(db: Db, token: string, now: Date) {
  if (!INVITATION_TOKEN_PATTERN.test(token)) return undefined;
  const [row] = await db
    .select()
    .from(invitation)
    .where(
      and(
        eq(invitation.tokenDigest, invitationDigest(token)),
        eq(invitation.kind, "link"),
        isNull(invitation.acceptedAt),
        isNull(invitation.declinedAt),
        isNull(invitation.revokedAt),
        gt(invitation.expiresAt, now),
      ),
    );
  return row;
}

/**
 * Checks, before an account is created, that it may be: the first account of an empty instance, or one holding a
 * valid invitation link for its email. Throws the reason otherwise. {@link linkNewAccount} checks again under a lock.
 */
export async function checkSignUp(db: Db, email: string, token: string | undefined, now: Date): Promise<void> {
  if (!(await hasAdmin(db))) return;
  const open = token ? await openLinkInvitation(db, token, now) : undefined;
  if (!open)
    throw new DomainError(
      token ? "not-found" : "forbidden",
      token ? "This invitation link is not valid: it was used, revoked or has expired." : REFUSED,
      "invitation",
    );
  if (open.email.toLowerCase() !== email.trim().toLowerCase()) {
    throw new DomainError("forbidden", "This invitation is for another email address.", "email");
  }
}

/**
 * Accepts a link invitation for an account that was just created (by password sign-up, or by single sign-on):
 * the token must be open and for the account's email. Attaches the account to the invited person (an existing one
 * without an account, such as an imported person, or a new one), makes them a member of the team with the invited
 * roles from now, and uses the link up. Call inside a transaction.
 */
export async function acceptInvitation(
  db: Db,
  token: string,
  account: NewAccount,
  now: Date,
): Promise<{ personId: string; teamId: string }> {
  const open = await openLinkInvitation(db, token, now);
  if (!open)
    throw new DomainError(
      "not-found",
      "This invitation link is not valid: it was used, revoked or has expired.",
      "invitation",
    );
  return acceptOpenInvitation(db, open, account, now);
}

type OpenInvitation = typeof invitation.$inferSelect;

async function acceptOpenInvitation(
  db: Db,
  open: OpenInvitation,
  account: NewAccount,
  now: Date,
): Promise<{ personId: string; teamId: string }> {
  if (open.email.toLowerCase() !== account.email.trim().toLowerCase()) {
    throw new DomainError("forbidden", "This invitation is for another email address.", "email");
  }
  const [existing] = await db.select().from(person).where(sql`lower(${person.email}) = lower(${open.email})`);
  if (existing && (existing.userId !== null || existing.organisationId !== open.organisationId)) {
    throw new DomainError("conflict", "This person already has an account.", "email");
  }
  const invitee = existing
    ? existing
    : (
        await db
          .insert(person)
          .values({
            organisationId: open.organisationId,
            name: account.name || open.name,
            email: open.email,
            timeZone: account.timeZone ?? open.timeZone,
            invitedById: open.invitedById,
          })
          .returning()
      ).at(0);
  assertReturned(invitee, "person insert");
  await db
    .update(person)
    .set({ userId: account.id, ...(account.timeZone ? { timeZone: account.timeZone } : {}) })
    .where(eq(person.id, invitee.id));
  await db.update(invitation).set({ acceptedAt: now, tokenDigest: null }).where(eq(invitation.id, open.id));
  await joinTeam(db, open.teamId, invitee.id, open.roles, now);
  await recordAudit(db, {
    actorPersonId: invitee.id,
    teamId: open.teamId,
    action: "invitation.accept",
    entityType: "invitation",
    entityId: open.id,
    after: { personId: invitee.id, roles: open.roles },
  });
  return { personId: invitee.id, teamId: open.teamId };
}

/** The newest open link invitation for an email: what single sign-on accepts, since the provider vouched for the email. */
export async function openInvitationForEmail(db: Db, email: string, now: Date): Promise<OpenInvitation | undefined> {
  const [row] = await db
    .select()
    .from(invitation)
    .where(
      and(
        sql`lower(${invitation.email}) = lower(${email.trim()})`,
        eq(invitation.kind, "link"),
        isNull(invitation.acceptedAt),
        isNull(invitation.declinedAt),
        isNull(invitation.revokedAt),
        gt(invitation.expiresAt, now),
      ),
    )
    .orderBy(desc(invitation.expiresAt))
    .limit(1);
  return row;
}

/**
 * A person known by this email who has no account yet and may still sign in: an admin, or a current member of a
 * team (people invited before invitations were links). Single sign-on attaches its account to them.
 */
export async function memberWithoutAccount(db: Db, email: string): Promise<{ id: string } | undefined> {
  const [row] = await db
    .select({ id: person.id })
    .from(person)
    .where(
      and(
        sql`lower(${person.email}) = lower(${email.trim()})`,
        isNull(person.userId),
        isNull(person.deletedAt),
        isNull(person.deactivatedAt),
        sql`(${person.isAdmin} or exists (select 1 from ${teamMember} where ${teamMember.personId} = ${person.id} and ${teamMember.removedFrom} is null))`,
      ),
    )
    .limit(1);
  return row;
}

/**
 * Runs after single sign-on created an account (the provider's verified email already passed ssoSignInVerdict):
 * accepts the open invitation for that email, or attaches the account to the member known by it. Refused
 * otherwise, and the account is deleted, so SSO never leaves an account without a person.
 */
export async function linkSsoAccount(db: Db, account: NewAccount, now: Date): Promise<{ personId: string }> {
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${SIGN_UP_LOCK_KEY})`);
      const open = await openInvitationForEmail(tx, account.email, now);
      if (open) return { personId: (await acceptOpenInvitation(tx, open, account, now)).personId };
      const known = await memberWithoutAccount(tx, account.email);
      if (!known) throw new DomainError("forbidden", "Nobody with this email address has been invited.", "email");
      await tx.update(person).set({ userId: account.id }).where(eq(person.id, known.id));
      await recordAudit(tx, {
        actorPersonId: known.id,
        action: "person.sign-up",
        entityType: "person",
        entityId: known.id,
      });
      return { personId: known.id };
    });
  } catch (error) {
    await db.delete(user).where(eq(user.id, account.id));
    throw error;
  }
}

async function becomeFirstAdmin(db: Db, account: NewAccount): Promise<string> {
  const [existingOrg] = await db.select().from(organisation).limit(1);
  const org = existingOrg ?? (await db.insert(organisation).values({ name: "My organisation" }).returning()).at(0);
  assertReturned(org, "organisation insert");
  const [admin] = await db
    .insert(person)
    .values({
      organisationId: org.id,
      userId: account.id,
      name: account.name,
      email: account.email,
      isAdmin: true,
      ...(account.timeZone ? { timeZone: account.timeZone } : {}),
    })
    .returning();
  assertReturned(admin, "person insert");
  await recordAudit(db, {
    actorPersonId: admin.id,
    action: "person.first-admin",
    entityType: "person",
    entityId: admin.id,
  });
  return admin.id;
}

/**
 * Runs after better-auth created the user: the first account of an empty instance becomes its admin; any other
 * needs an open invitation link. On refusal the account is deleted (with its sessions), so a sign-up that loses a
 * race never leaves an account without a person.
 */
export async function linkNewAccount(
  db: Db,
  account: NewAccount,
  token: string | undefined,
  now: Date,
): Promise<{ personId: string; policy: "first-admin" | "invitation" }> {
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${SIGN_UP_LOCK_KEY})`);
      if (!(await hasAdmin(tx)))
        return { personId: await becomeFirstAdmin(tx, account), policy: "first-admin" as const };
      if (!token) throw new DomainError("forbidden", REFUSED, "invitation");
      const accepted = await acceptInvitation(tx, token, account, now);
      return { personId: accepted.personId, policy: "invitation" as const };
    });
  } catch (error) {
    await db.delete(user).where(eq(user.id, account.id));
    throw error;
  }
}
