import { createHmac, timingSafeEqual } from "node:crypto";

/** The `v1=` signature PagerDuty sends for a body: hex HMAC-SHA256 of the raw bytes with the signing secret. */
export function pagerdutySignature(rawBody: Uint8Array | string, signingSecret: string): string {
  return `v1=${createHmac("sha256", signingSecret).update(rawBody).digest("hex")}`;
}

/**
 * Whether an `X-PagerDuty-Signature` header signs this body: it holds one or more comma-separated signatures (more
 * than one while a secret is being rotated); one `v1` match is enough. Compared in constant time.
 */
export function verifyPagerdutySignature(
  header: string | null,
  rawBody: Uint8Array | string,
  signingSecret: string,
): boolean {
  if (!header) return false;
  const expected = Buffer.from(pagerdutySignature(rawBody, signingSecret));
  return header
    .split(",")
    .map((part) => Buffer.from(part.trim()))
    .some((given) => given.length === expected.length && timingSafeEqual(given, expected));
}
