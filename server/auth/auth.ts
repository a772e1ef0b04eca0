import "server-only";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { genericOAuth } from "better-auth/plugins";
import type { Db } from "@/db/client";
import { and, eq, isNotNull } from "drizzle-orm";
import { account, person, rateLimit, session, user, verification } from "@/db/schema";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/server/schemas/access";
import { allowedOrigins } from "@/server/security/public-address";
import { serverEnv } from "@/server/env";
import { CLIENT_ADDRESS_HEADER } from "@/server/security/client-address";
import { DomainError } from "@/server/services/errors";
import { timeZone as timeZoneSchema } from "@/server/schemas/common";
import { checkSignUp, linkNewAccount, linkSsoAccount } from "@/server/services/people/link-account";
import { ssoSignInVerdict } from "@/server/services/people/sso-sign-in";
import { recordPasswordChange } from "@/server/services/access/record-password-change";
import { clearSignInAttempts, consumeSignInAttempt } from "./account-throttle";
import { discoveryUrlOf, ssoSettings, type SsoSettings } from "./sso";

export const SIGN_IN_WINDOW_SECONDS = 60;

/** The address our HTTP server resolved for this request (server/cli/serve.ts), or null when it was not set. */
function clientAddressOf(headers: Headers | undefined): string | null {
  const address = headers?.get(CLIENT_ADDRESS_HEADER)?.trim();
  return address ? address : null;
}

export interface AuthTransport {
  /** Served over HTTPS: session cookies get `Secure` (and the `__Secure-` prefix that requires it). */
  secureCookies: boolean;
}

/**
 * OpenID Connect sign-in when configured: the provider's verified email links to the person invited with it
 * (or to their existing account); every SSO sign-in is checked by ssoSignInVerdict, so SSO creates nobody.
 */
function singleSignOn(db: Db, sso: SsoSettings | null) {
  if (!sso) return { plugins: [], validateUserInfo: undefined };
  return {
    plugins: [
      genericOAuth({
        config: [
          {
            providerId: sso.providerId,
            name: sso.name,
            discoveryUrl: discoveryUrlOf(sso),
            clientId: sso.clientId,
            clientSecret: sso.clientSecret,
            scopes: ["openid", "email", "profile"],
            requireIdTokenVerification: true,
          },
        ],
      }),
    ],
    validateUserInfo: async ({
      user,
      source,
    }: {
      user: { email?: unknown; emailVerified?: unknown };
      source: { method: string; oauth?: { providerId: string } };
    }) => {
      if (source.method !== "oauth" || source.oauth?.providerId !== sso.providerId) return;
      const identity = {
        email: typeof user.email === "string" ? user.email : "",
        emailVerified: user.emailVerified === true,
      };
      const verdict = await ssoSignInVerdict(db, identity, sso.allowedDomains);
      return verdict.allowed ? undefined : { error: verdict.error, errorDescription: verdict.errorDescription };
    },
  };
}

export function createAuth(db: Db, secret: string, transport: AuthTransport) {
  const env = serverEnv();
  // Attempts per minute per address and per account-and-address; raised only by the end-to-end suite.
  const rule = { window: SIGN_IN_WINDOW_SECONDS, max: env.TOILCAP_SIGN_IN_LIMIT };
  const sso = singleSignOn(db, ssoSettings());
  return betterAuth({
    secret,
    baseURL: env.BETTER_AUTH_URL,
    // Our own pages, as public-address.ts decides them: the same origins the tRPC endpoint accepts.
    trustedOrigins: (request) => (request ? allowedOrigins(request.headers) : []),
    database: drizzleAdapter(db, { provider: "pg", schema: { user, session, account, verification, rateLimit } }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      autoSignIn: true,
    },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    user: { validateUserInfo: sso.validateUserInfo },
    // An SSO sign-in with a provider-verified email links to the account of that email, which Toilcap never
    // verified itself (sign-up is by invitation); ssoSignInVerdict decides who may.
    account: { accountLinking: { enabled: true, requireLocalEmailVerified: false } },
    // Stored in the database so limits hold across several app servers.
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 300,
      // better-auth's default for every other /sign-in path is 3 per 10 s per address: starting single sign-on
      // is no password guess, and an office behind one address starts several at once.
      customRules: {
        "/sign-in/email": rule,
        "/sign-up/email": rule,
        "/change-password": rule,
        "/sign-in/social": rule,
        "/sign-in/oauth2": rule,
      },
    },
    telemetry: { enabled: false },
    advanced: {
      database: { generateId: () => crypto.randomUUID() },
      // httpOnly and SameSite=Lax are better-auth's defaults; said here so no default can drift.
      useSecureCookies: transport.secureCookies,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure: transport.secureCookies },
      // better-auth turns its origin checks off when NODE_ENV is "test": keep them on, so tests see what users get.
      disableCSRFCheck: false,
      disableOriginCheck: false,
      // Never X-Forwarded-For: serve.ts writes this header from the socket and TOILCAP_TRUSTED_PROXIES.
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        // A changed password always ends the other sessions, whatever the client asked for.
        if (ctx.path === "/change-password") return { context: { body: { ...ctx.body, revokeOtherSessions: true } } };
        if (ctx.path !== "/sign-in/email") return;
        const email: unknown = ctx.body?.email;
        if (typeof email !== "string" || email.trim() === "") return;
        const verdict = await consumeSignInAttempt(
          db,
          { email, address: clientAddressOf(ctx.headers) },
          rule,
          Date.now(),
        );
        if (!verdict.allowed) {
          throw new APIError(
            "TOO_MANY_REQUESTS",
            { message: "Too many sign-in attempts for this account from here. Please try again later." },
            { "Retry-After": String(verdict.retryAfterSeconds), "X-Retry-After": String(verdict.retryAfterSeconds) },
          );
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path === "/change-password") {
          const userId = ctx.context.session?.user.id;
          if (userId && !(ctx.context.returned instanceof APIError)) await recordPasswordChange(db, userId);
          return;
        }
        // A successful sign-in forgets this address's failures for the account.
        if (ctx.path !== "/sign-in/email" || !ctx.context.newSession) return;
        const email: unknown = ctx.body?.email;
        if (typeof email === "string") await clearSignInAttempts(db, { email, address: clientAddressOf(ctx.headers) });
      }),
    },
    databaseHooks: {
      session: {
        create: {
          before: async (candidate) => {
            if (await isDeactivated(db, candidate.userId)) {
              throw new APIError("FORBIDDEN", { message: "This account is deactivated: ask an administrator." });
            }
          },
        },
      },
      user: {
        // Sign-up needs an invitation link's token (the `invitation` field of the sign-up body), except for the
        // first account of an empty instance. Other ways of creating accounts (single sign-on) call
        // acceptInvitation themselves.
        create: {
          before: async (candidate, context) => {
            // An SSO account was already vouched for by ssoSignInVerdict (validateUserInfo) before creation.
            if (isSsoCallback(context?.path)) return;
            signUpTimeZoneOf(context?.body);
            await refuseAsApiError(() =>
              checkSignUp(db, candidate.email, invitationTokenOf(context?.body), new Date()),
            );
          },
          after: async (created, context) => {
            if (isSsoCallback(context?.path)) {
              await refuseAsApiError(() => linkSsoAccount(db, created, new Date()));
              return;
            }
            const account = { ...created, timeZone: signUpTimeZoneOf(context?.body) };
            await refuseAsApiError(() => linkNewAccount(db, account, invitationTokenOf(context?.body), new Date()));
          },
        },
      },
    },
    plugins: [...sso.plugins, nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

/** better-auth's OAuth callback endpoints, where single sign-on creates accounts. */
function isSsoCallback(path: string | undefined): boolean {
  return path !== undefined && (path.startsWith("/callback/") || path.startsWith("/oauth2/callback/"));
}

/** The invitation token a sign-up request carries, if any. */
export function invitationTokenOf(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null || !("invitation" in body)) return undefined;
  const token: unknown = body.invitation;
  return typeof token === "string" && token !== "" ? token : undefined;
}

/**
 * The zone a sign-up asks for (the `timeZone` field of the body; the form proposes the browser's), if any. A zone
 * that is not a real IANA zone is refused with 400 naming the field rather than silently becoming UTC.
 */
export function signUpTimeZoneOf(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null || !("timeZone" in body)) return undefined;
  const asked: unknown = body.timeZone;
  if (asked === undefined || asked === null || asked === "") return undefined;
  const parsed = timeZoneSchema.safeParse(asked);
  if (!parsed.success)
    throw new APIError("BAD_REQUEST", {
      message: `timeZone: ${parsed.error.issues[0]?.message ?? "not a time zone"}`,
      code: "INVALID_TIME_ZONE",
    });
  return parsed.data;
}

/** A refusal from our services answers 403 with its message; anything else stays an internal error. */
async function refuseAsApiError(run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (error instanceof DomainError) throw new APIError("FORBIDDEN", { message: error.message });
    throw error;
  }
}

async function isDeactivated(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: person.id })
    .from(person)
    .where(and(eq(person.userId, userId), isNotNull(person.deactivatedAt)))
    .limit(1);
  return row !== undefined;
}
