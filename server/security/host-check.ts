import { configuredOrigin, type Env, extraTrustedOrigins } from "./public-address";

/**
 * With a public address configured (BETTER_AUTH_URL), a request addressed to any other host is refused: a page
 * on an attacker's domain that re-points its DNS at this server (DNS rebinding) is then same-origin to the
 * browser, but asks for the attacker's Host, never ours. Without one (the local try-out) every host is served.
 */
export function hostRefusal(headers: Headers, env: Env = process.env): string | null {
  const own = configuredOrigin(env);
  if (!own) return null;
  const asked = (headers.get("host") ?? "").trim().toLowerCase();
  const ours = [own, ...extraTrustedOrigins(env)].map((origin) => new URL(origin).host.toLowerCase());
  return ours.includes(asked) ? null : `This server answers for ${new URL(own).host} only.`;
}

export function hostResponse(reason: string): Response {
  return new Response(reason, {
    status: 421,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}
