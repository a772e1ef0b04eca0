import { z } from "zod";
import { issueLines } from "@/server/schemas/issue-text";
import { parseProxyList } from "@/server/security/trusted-proxies";

/**
 * Every environment variable Toilcap reads, validated once when the server starts (startup.ts), so a typo
 * stops the server with one clear line instead of surfacing as a 500 later. README "Configuration" lists them.
 */
const blankAsUnset = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsUnset, schema.optional());
const wholeNumber = (min: number, fallback: number) =>
  z.preprocess(
    blankAsUnset,
    z.coerce.number().int(`must be a whole number`).min(min, `must be at least ${min}`).default(fallback),
  );
const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://toil.example.com" });

export const envSchema = z
  .object({
    NODE_ENV: z.preprocess(blankAsUnset, z.enum(["development", "production", "test"]).default("development")),
    DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")),
    TOILCAP_DATA_DIR: optional(z.string()),
    TOILCAP_DB_POOL_SIZE: wholeNumber(1, 10),
    TOILCAP_CONCURRENT_REQUESTS: optional(z.coerce.number().int("must be a whole number").min(1, "must be at least 1")),
    BETTER_AUTH_URL: optional(httpUrl),
    BETTER_AUTH_SECRET: optional(z.string().min(32, "must be at least 32 characters")),
    BETTER_AUTH_TRUSTED_ORIGINS: optional(z.string()),
    HOSTNAME: optional(z.string()),
    PORT: wholeNumber(1, 3000),
    TOILCAP_SEED: z.preprocess(blankAsUnset, z.enum(["demo", "none"]).default("none")),
    TOILCAP_TRUSTED_PROXIES: z.preprocess(blankAsUnset, z.string().default("")).transform((list, ctx) => {
      const parsed = parseProxyList(list);
      if ("error" in parsed) {
        ctx.addIssue({ code: "custom", message: parsed.error });
        return z.NEVER;
      }
      return parsed.entries;
    }),
    TOILCAP_SIGN_IN_LIMIT: wholeNumber(1, 10),
    TOILCAP_BREACH_SWEEP_SECONDS: optional(z.string()),
    TOILCAP_BREACH_CHECK_INTERVAL_MS: optional(z.string()),
    // Single sign-on (server/auth/sso.ts reads and cross-checks them).
    TOILCAP_OIDC_ISSUER: optional(httpUrl),
    TOILCAP_OIDC_CLIENT_ID: optional(z.string()),
    TOILCAP_OIDC_CLIENT_SECRET: optional(z.string()),
    TOILCAP_OIDC_ALLOWED_DOMAINS: optional(z.string()),
    TOILCAP_OIDC_NAME: optional(z.string()),
    // Invitation emails.
    TOILCAP_SMTP_URL: optional(z.string().regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")),
    TOILCAP_MAIL_FROM: optional(z.string()),
    // Hosts outgoing webhooks may reach although they are not public addresses.
    TOILCAP_WEBHOOK_ALLOW_HOSTS: optional(z.string()),
    // For tests and demos: the server's clock starts at this instant and runs on (server/clock.ts).
    TOILCAP_CLOCK_START: optional(z.iso.datetime({ offset: true, error: "must be an ISO instant with an offset" })),
    LOG_LEVEL: optional(z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])),
  })
  .superRefine((env, ctx) => {
    // Behind a real deployment the public address decides cookies, origin checks and which Host is ours.
    if ((env.NODE_ENV === "production" || env.DATABASE_URL) && !env.BETTER_AUTH_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["BETTER_AUTH_URL"],
        message:
          "is required with NODE_ENV=production or a DATABASE_URL: set it to the address people open, such as https://toil.example.com",
      });
    }
  });

export type ServerEnv = z.infer<typeof envSchema>;

type Source = Readonly<Record<string, string | undefined>>;

/** The parsed settings, or every problem as "NAME: message" lines. */
export function parseEnv(source: Source): { ok: true; env: ServerEnv } | { ok: false; problems: string[] } {
  const parsed = envSchema.safeParse(source);
  if (parsed.success) return { ok: true, env: parsed.data };
  return { ok: false, problems: issueLines(parsed.error) };
}

let cached: ServerEnv | undefined;

/** The process's settings, parsed on first use; start-up calls it first, so a bad setting stops the server there. */
export function serverEnv(): ServerEnv {
  if (cached) return cached;
  const parsed = parseEnv(process.env);
  if (!parsed.ok) throw new Error(`invalid environment: ${parsed.problems.join("; ")}`);
  cached = parsed.env;
  return cached;
}

/** True on the embedded database (no DATABASE_URL): the try-it-out default. */
export function isEmbedded(env: ServerEnv = serverEnv()): boolean {
  return env.DATABASE_URL === undefined;
}
