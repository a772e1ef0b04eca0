/**
 * Where users reach Toilcap, and whether over HTTPS: what cookies, origin checks and HSTS are decided on.
 *
 * BETTER_AUTH_URL, when set, is the public address and wins. Without it the address is read from each request:
 * `x-forwarded-proto` and `x-forwarded-host` (a TLS-terminating proxy sets them; Next fills them from the socket
 * and the Host header when no proxy did). Trusting them is safe for what they decide here: a browser cannot set
 * them on a cross-site request (forms cannot set headers; a cross-origin fetch with them needs a preflight we
 * never grant), so they cannot make a forged request look same-origin, and the Secure flag they pick is on the
 * cookie sent back to the very client that sent them. BETTER_AUTH_TRUSTED_ORIGINS (comma-separated, the variable
 * better-auth itself reads) adds further origins allowed to make requests with a user's cookies.
 */
export type Env = Readonly<Record<string, string | undefined>>;

function originOf(value: string): string | null {
  try {
    const url = new URL(value.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}

/** The configured public origin (BETTER_AUTH_URL), or null when the address is read from each request. */
export function configuredOrigin(env: Env = process.env): string | null {
  const configured = env.BETTER_AUTH_URL;
  return configured ? originOf(configured) : null;
}

export function extraTrustedOrigins(env: Env = process.env): string[] {
  return (env.BETTER_AUTH_TRUSTED_ORIGINS ?? "").split(",").flatMap((entry) => originOf(entry) ?? []);
}

/** The first value of a forwarded header: the one the client-facing proxy wrote. */
function firstValue(headers: Headers, name: string): string | null {
  const value = headers.get(name)?.split(",")[0]?.trim();
  return value ? value : null;
}

/** The origin this request was addressed to, as the browser saw it. */
export function requestOrigin(headers: Headers): string | null {
  const proto = firstValue(headers, "x-forwarded-proto") ?? "http";
  const host = firstValue(headers, "x-forwarded-host") ?? headers.get("host");
  if (!host || (proto !== "http" && proto !== "https")) return null;
  return originOf(`${proto}://${host}`);
}

/** Origins whose pages may send state-changing requests carrying a user's cookies. */
export function allowedOrigins(headers: Headers, env: Env = process.env): string[] {
  const own = configuredOrigin(env) ?? requestOrigin(headers);
  return [...(own ? [own] : []), ...extraTrustedOrigins(env)];
}

/** Whether the browser reached us over HTTPS: the configured address decides; otherwise the forwarded scheme. */
export function servedOverHttps(headers: Headers, env: Env = process.env): boolean {
  const configured = configuredOrigin(env);
  if (configured) return configured.startsWith("https:");
  return firstValue(headers, "x-forwarded-proto") === "https";
}
