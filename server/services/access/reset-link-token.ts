import { createHash, randomBytes } from "node:crypto";
import { DateTime } from "luxon";

/** 32 random bytes in base64url: the secret of a password-reset link, never stored. */
export const RESET_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** How long a password-reset link works: a day, so a link found in an old inbox is useless. */
export const RESET_LINK_LIFETIME_HOURS = 24;

export function newResetToken(): { token: string; digest: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, digest: resetTokenDigest(token) };
}

/** Only this digest is stored: a leaked database does not leak a working reset link. */
export function resetTokenDigest(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function resetLinkExpiry(now: Date): Date {
  return DateTime.fromJSDate(now, { zone: "utc" }).plus({ hours: RESET_LINK_LIFETIME_HOURS }).toJSDate();
}

/** The page a reset token opens. */
export function resetLinkPath(token: string): string {
  return `/reset-password?token=${encodeURIComponent(token)}`;
}
