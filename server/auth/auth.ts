import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import type { Db } from "@/db/client";
import { account, rateLimit, session, user, verification } from "@/db/schema";
import { linkAccountToPerson, signUpPolicy } from "@/server/services/people/link-account";

export const MIN_PASSWORD_LENGTH = 8;

/** Sign-in attempts per minute per address; raised only by the end-to-end suite, which signs in often. */
function signInLimit(): number {
  const configured = Number(process.env.TOILCAP_SIGN_IN_LIMIT);
  return Number.isInteger(configured) && configured > 0 ? configured : 10;
}

export function createAuth(db: Db, secret: string) {
  return betterAuth({
    secret,
    baseURL: process.env.BETTER_AUTH_URL,
    database: drizzleAdapter(db, { provider: "pg", schema: { user, session, account, verification, rateLimit } }),
    emailAndPassword: { enabled: true, minPasswordLength: MIN_PASSWORD_LENGTH, autoSignIn: true },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    // Stored in the database so limits hold across several app servers.
    rateLimit: {
      enabled: process.env.TOILCAP_RATE_LIMIT !== "off",
      storage: "database",
      window: 60,
      max: 300,
      customRules: {
        "/sign-in/email": { window: 60, max: signInLimit() },
        "/sign-up/email": { window: 60, max: signInLimit() },
      },
    },
    telemetry: { enabled: false },
    advanced: { database: { generateId: () => crypto.randomUUID() } },
    databaseHooks: {
      user: {
        create: {
          before: async (candidate) => {
            if ((await signUpPolicy(db, candidate.email)) === "refused") {
              throw new APIError("FORBIDDEN", {
                message: "Sign-up is by invitation: ask a manager of your team to invite this email address.",
              });
            }
          },
          after: async (created) => {
            await linkAccountToPerson(db, created);
          },
        },
      },
    },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;
