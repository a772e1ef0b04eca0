import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { passwordReset, person } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import { mailSettings } from "@/server/integrations/mail/invitation-mail";
import { sendPasswordResetMail } from "@/server/integrations/mail/password-reset-mail";
import { configuredOrigin } from "@/server/security/public-address";
import { recordAudit } from "../audit";
import { DomainError } from "../errors";
import { newResetToken, resetLinkExpiry, resetLinkPath } from "./reset-link-token";
import { assertReturned } from "@/server/services/returned-row";

export interface IssuedResetLink {
  personId: string;
  name: string;
  email: string;
  /** The page with the secret token: shown to the admin now and never again. */
  path: string;
  expiresAt: Date;
}

/**
 * An admin issues a single-use password-reset link for someone of their organisation who has an account. Older
 * open links of that person are revoked in the same transaction, so only the newest works.
 */
export async function issuePasswordReset(
  db: Db,
  admin: Viewer,
  input: { personId: string },
  now: Date,
): Promise<IssuedResetLink> {
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select()
      .from(person)
      .where(
        and(eq(person.id, input.personId), eq(person.organisationId, admin.organisationId), isNull(person.deletedAt)),
      )
      .for("update");
    if (!target) throw new DomainError("not-found", "No such person.", "personId");
    if (!target.userId)
      throw new DomainError(
        "invalid",
        "They have no account yet: send them their invitation link instead.",
        "personId",
      );
    if (target.deactivatedAt)
      throw new DomainError("invalid", "They are deactivated: reactivate them first.", "personId");
    const revoked = await tx
      .update(passwordReset)
      .set({ revokedAt: now })
      .where(and(eq(passwordReset.personId, target.id), isNull(passwordReset.usedAt), isNull(passwordReset.revokedAt)))
      .returning({ id: passwordReset.id });
    const { token, digest } = newResetToken();
    const expiresAt = resetLinkExpiry(now);
    const [link] = await tx
      .insert(passwordReset)
      .values({ personId: target.id, tokenDigest: digest, expiresAt, issuedById: admin.personId, createdAt: now })
      .returning({ id: passwordReset.id });
    assertReturned(link, "password reset insert");
    await recordAudit(tx, {
      actorPersonId: admin.personId,
      action: "person.password-reset-link.issue",
      entityType: "person",
      entityId: target.id,
      after: { linkId: link.id, expiresAt, revokedOlderLinks: revoked.length },
    });
    return { personId: target.id, name: target.name, email: target.email, path: resetLinkPath(token), expiresAt };
  });
}

export type DeliveredResetLink = IssuedResetLink & { emailed?: boolean };

/** Emails the link when SMTP and the public address are configured; the admin sees the link either way. */
export async function deliverPasswordReset(admin: Viewer, issued: IssuedResetLink): Promise<DeliveredResetLink> {
  const settings = mailSettings();
  const origin = configuredOrigin();
  if (!settings || !origin) return issued;
  try {
    await sendPasswordResetMail(settings, {
      to: issued.email,
      name: issued.name,
      adminName: admin.name,
      link: `${origin}${issued.path}`,
      expiresAt: issued.expiresAt,
    });
    return { ...issued, emailed: true };
  } catch {
    return { ...issued, emailed: false };
  }
}

export async function issueAndDeliverPasswordReset(
  db: Db,
  admin: Viewer,
  input: { personId: string },
  now: Date,
): Promise<DeliveredResetLink> {
  return deliverPasswordReset(admin, await issuePasswordReset(db, admin, input, now));
}
