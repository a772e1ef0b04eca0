import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The first cookie called `name` in a Cookie header, decoded, as better-call reads it: a quoted value loses its
 * quotes, a value that does not decode stays as sent.
 */
function cookieValue(header: string, name: string): string | null {
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1 || part.slice(0, eq).trim() !== name) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"')) value = value.slice(1, -1);
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return null;
}

/**
 * The session token of a signed session cookie ("token.signature", the signature a base64 HMAC-SHA256 of the
 * token under the auth secret, as better-auth sets it), or null when the cookie is missing or its signature is
 * wrong: the same answer better-auth's own check gives, without its request machinery.
 */
export function signedSessionToken(cookieHeader: string | null, name: string, secret: string): string | null {
  if (!cookieHeader) return null;
  const value = cookieValue(cookieHeader, name);
  if (!value) return null;
  const dot = value.lastIndexOf(".");
  if (dot < 1) return null;
  const token = value.slice(0, dot);
  const signature = value.slice(dot + 1);
  if (signature.length !== 44 || !signature.endsWith("=")) return null;
  const expected = createHmac("sha256", secret).update(token).digest();
  const given = Buffer.from(signature, "base64");
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : null;
}
