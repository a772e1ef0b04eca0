import { createHmac, randomBytes } from "node:crypto";

/** The prefix Standard Webhooks gives a signing secret; the rest is the key in base64. */
const SECRET_PREFIX = "whsec_";
const SECRET_BYTES = 32;

/** A new signing secret, "whsec_" and 32 random bytes in base64. */
export function newSigningSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(SECRET_BYTES).toString("base64")}`;
}

/**
 * The Standard Webhooks headers for one delivery (standardwebhooks.com): `webhook-signature` is "v1," and the
 * base64 HMAC-SHA256, keyed with the secret's bytes, of "<id>.<timestamp>.<body>". The id stays the same on
 * every retry so receivers can drop duplicates; the timestamp (seconds) lets them refuse replays.
 */
export function signedHeaders(secret: string, id: string, at: Date, body: string): Record<string, string> {
  const key = Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, "base64");
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const signature = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64");
  return { "webhook-id": id, "webhook-timestamp": timestamp, "webhook-signature": `v1,${signature}` };
}
