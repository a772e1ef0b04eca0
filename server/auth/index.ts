import "server-only";
import { getDatabase } from "@/server/db/runtime";
import { ensureAuthSecret } from "@/server/db/instance";
import { servedOverHttps } from "@/server/security/public-address";
import { type Auth, createAuth } from "./auth";
import { signedSessionToken } from "./session-token";
import { loadViewerBySessionToken, loadViewerByUserId } from "./viewer";
import type { Viewer } from "./permissions";

type Transport = "https" | "http";
const holder = globalThis as typeof globalThis & {
  __toilcapAuthByTransport?: Partial<Record<Transport, Promise<Auth>>>;
};

/**
 * The auth instance for requests arriving over this transport. Cookie attributes are fixed per better-auth
 * instance, so there is one for HTTPS (Secure cookies) and one for plain HTTP; both share the database.
 */
function authOver(transport: Transport): Promise<Auth> {
  const instances = (holder.__toilcapAuthByTransport ??= {});
  instances[transport] ??= getDatabase().then(async ({ db }) =>
    createAuth(db, await ensureAuthSecret(db), { secureCookies: transport === "https" }),
  );
  return instances[transport];
}

/** The auth instance for a request: Secure cookies when the browser reached us over HTTPS. */
export function authFor(headers: Headers): Promise<Auth> {
  return authOver(servedOverHttps(headers) ? "https" : "http");
}

/** Opens the auth instances at start-up, so the first request does not pay for it. */
export async function prepareAuth(): Promise<void> {
  await Promise.all([authOver("https"), authOver("http")]);
}

/**
 * The signed-in person for these request headers, or null. Every signed-in request asks, so the usual case is
 * one read: the cookie's signature is checked here, then the session, the person and their teams are read
 * together (a revoked session is gone from that read at once). Only a session that is expired or due to be
 * extended goes through better-auth's own check, which extends or ends it.
 */
export async function viewerFromHeaders(headers: Headers): Promise<Viewer | null> {
  const auth = await authFor(headers);
  const context = await auth.$context;
  const token = signedSessionToken(headers.get("cookie"), context.authCookies.sessionToken.name, context.secret);
  if (token === null) return null;
  const { db } = await getDatabase();
  const found = await loadViewerBySessionToken(db, token);
  if (found === null) return null;
  const { expiresIn, updateAge } = context.sessionConfig;
  const now = Date.now();
  const dueForRefresh = found.expiresAt.getTime() - expiresIn * 1000 + updateAge * 1000 <= now;
  if (found.expiresAt.getTime() > now && !dueForRefresh) return found.viewer;
  const session = await auth.api.getSession({ headers });
  return session ? loadViewerByUserId(db, session.user.id) : null;
}
