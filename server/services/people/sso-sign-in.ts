import { and, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { person, teamMember } from "@/db/schema";
import { openInvitationForEmail } from "./link-account";

export type SsoRefusal = "email_not_verified" | "domain_not_allowed" | "account_deactivated" | "not_invited";

export type SsoVerdict = { allowed: true } | { allowed: false; error: SsoRefusal; errorDescription: string };

export interface SsoIdentity {
  email: string;
  /** The provider's `email_verified` claim: only a verified email may claim a person. */
  emailVerified: boolean;
}

/** The email's domain, lower case, or null for something that is not an address. */
function domainOf(email: string): string | null {
  const at = email.lastIndexOf("@");
  return at > 0 && at < email.length - 1 ? email.slice(at + 1).toLowerCase() : null;
}

/**
 * The person an SSO identity may become: one already known by this email (signed up before, or invited before
 * invitations were links), still a current member of a team (or an admin), or the holder of an open invitation
 * for it. SSO never creates a person uninvited.
 * This is the one place that decides who an invitation is; adapt it when invitations change.
 */
export async function personForSso(db: Db, email: string, now: Date): Promise<{ id: string } | null> {
  const [found] = await db
    .select({ id: person.id })
    .from(person)
    .where(
      and(
        sql`lower(${person.email}) = lower(${email})`,
        isNull(person.deletedAt),
        isNull(person.deactivatedAt),
        sql`(${person.isAdmin} or exists (select 1 from ${teamMember} where ${teamMember.personId} = ${person.id} and ${teamMember.removedFrom} is null))`,
      ),
    )
    .limit(1);
  if (found) return found;
  const invited = await openInvitationForEmail(db, email, now);
  return invited ? { id: invited.id } : null;
}

/** Whether an admin deactivated the person of this email: said plainly, rather than "not invited". */
async function isDeactivatedEmail(db: Db, email: string): Promise<boolean> {
  const [found] = await db
    .select({ id: person.id })
    .from(person)
    .where(
      and(sql`lower(${person.email}) = lower(${email})`, isNull(person.deletedAt), isNotNull(person.deactivatedAt)),
    )
    .limit(1);
  return found !== undefined;
}

/**
 * Whether an identity from the OpenID provider may sign in: a verified email, of an allowed domain, of a
 * person Toilcap already knows. Checked on every SSO sign-in, not only the first, so a person removed
 * since, or whose provider account moved to another domain, is refused.
 */
export async function ssoSignInVerdict(
  db: Db,
  identity: SsoIdentity,
  allowedDomains: readonly string[],
  now: Date = new Date(),
): Promise<SsoVerdict> {
  if (!identity.emailVerified) {
    return {
      allowed: false,
      error: "email_not_verified",
      errorDescription: "Your identity provider has not verified this email address.",
    };
  }
  const domain = domainOf(identity.email);
  if (domain === null || (allowedDomains.length > 0 && !allowedDomains.includes(domain))) {
    return {
      allowed: false,
      error: "domain_not_allowed",
      errorDescription: "Single sign-on is not open to this email domain.",
    };
  }
  if (await isDeactivatedEmail(db, identity.email)) {
    return {
      allowed: false,
      error: "account_deactivated",
      errorDescription: "This account is deactivated: ask an administrator.",
    };
  }
  if (!(await personForSso(db, identity.email, now))) {
    return {
      allowed: false,
      error: "not_invited",
      errorDescription: "Nobody with this email address has been invited.",
    };
  }
  return { allowed: true };
}
