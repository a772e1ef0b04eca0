import { createHash, randomBytes } from "node:crypto";
import type { integration } from "@/db/schema";

export type IntegrationKind = (typeof integration.$inferSelect)["kind"];

/** 32 random bytes in base64url: unguessable, and safe in a URL path without escaping. */
export const INTEGRATION_SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** How many characters of the secret lists show, so people can tell their endpoints apart. */
const PREFIX_LENGTH = 6;

export function newIntegrationSecret(): { secret: string; prefix: string; hash: string } {
  const secret = randomBytes(32).toString("base64url");
  return { secret, prefix: secret.slice(0, PREFIX_LENGTH), hash: hashIntegrationSecret(secret) };
}

/** Only this is stored: a database read alone never yields a working webhook URL. */
export function hashIntegrationSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** Where each kind of integration receives its calls; the secret is the last path segment. */
export function integrationPath(kind: IntegrationKind, secret: string): string {
  const segment = { alertmanager: "alertmanager", "ticket-webhook": "tickets", pagerduty: "pagerduty" } as const;
  return `/api/integrations/${segment[kind]}/${secret}`;
}

/** An absolute URL when the public address is configured (BETTER_AUTH_URL); otherwise the caller adds its origin. */
export function integrationUrl(path: string): string | null {
  const base = process.env.BETTER_AUTH_URL;
  if (!base) return null;
  try {
    return new URL(path, base).toString();
  } catch {
    return null;
  }
}
