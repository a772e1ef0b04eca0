import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes in base64url: the secret of an invitation link, never stored. */
export const INVITATION_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** How long an invitation link works: long enough to be read after a weekend, short enough to age out. */
export const INVITATION_LIFETIME_DAYS = 7;

export function newInvitationToken(): { token: string; digest: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, digest: invitationDigest(token) };
}

/** Only this digest is stored: a leaked database does not leak working invitation links. */
export function invitationDigest(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function invitationExpiry(now: Date): Date {
  return new Date(now.getTime() + INVITATION_LIFETIME_DAYS * 24 * 60 * 60 * 1000);
}

/** The sign-up address an invitation token opens. */
export function invitationPath(token: string): string {
  return `/sign-up?invitation=${encodeURIComponent(token)}`;
}
