import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** `tc_` and 32 random bytes in base64url (43 characters): recognisable in logs and secret scanners. */
export const TOKEN_PREFIX = "tc_";
export const TOKEN_PATTERN = /^tc_[A-Za-z0-9_-]{43}$/;
/** How much of the secret a list shows: enough to tell tokens apart, far too little to guess the rest. */
const DISPLAY_LENGTH = TOKEN_PREFIX.length + 6;

export interface NewSecret {
  secret: string;
  prefix: string;
  hash: string;
}

export function hashTokenSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function newTokenSecret(): NewSecret {
  const secret = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { secret, prefix: secret.slice(0, DISPLAY_LENGTH), hash: hashTokenSecret(secret) };
}

/** Compares two hex digests in constant time, so a stored hash never leaks through response timing. */
export function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}
