import { allowedOrigins, type Env } from "./public-address";

/** Reading never changes anything (tRPC refuses mutations over GET), so only these need an origin check. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Routes that never read the session cookie, so a cookie riding along on a forged request carries no authority:
 * the JSON API and metrics take a bearer token in the Authorization header (which a cross-site page cannot set
 * without a preflight we never grant), webhooks and calendar feeds a secret in the path.
 */
const COOKIELESS_PREFIXES = ["/api/v1/", "/api/metrics", "/api/integrations/", "/api/calendar/"];

export interface IncomingRequest {
  method: string;
  pathname: string;
  headers: Headers;
}

function isCookieless(pathname: string): boolean {
  return COOKIELESS_PREFIXES.some((prefix) => pathname === prefix.replace(/\/$/, "") || pathname.startsWith(prefix));
}

/**
 * Why a state-changing request must be refused as cross-site, or null to let it through. Browsers send `Origin`
 * on every POST (and `Sec-Fetch-Site` with it), so a request from another site's page always shows where it came
 * from; a request with neither header is not from a browser, and so carries no victim's cookies.
 */
export function crossSiteRefusal(request: IncomingRequest, env: Env = process.env): string | null {
  if (SAFE_METHODS.has(request.method.toUpperCase()) || isCookieless(request.pathname)) return null;
  const origin = request.headers.get("origin");
  if (origin !== null) {
    if (origin === "null") return "The request came from an opaque origin (a sandboxed frame or a file).";
    return allowedOrigins(request.headers, env).includes(origin.toLowerCase())
      ? null
      : `The request came from ${origin}, which is not this site.`;
  }
  const site = request.headers.get("sec-fetch-site");
  if (site === "cross-site" || site === "same-site")
    return `The browser says this request came from another ${site === "same-site" ? "origin" : "site"}.`;
  return null;
}

/** The 403 a refused request gets: JSON in the JSON API's error shape, saying what happened. */
export function crossSiteResponse(reason: string): Response {
  const error = {
    status: 403,
    code: "cross_site_request",
    message: `Cross-site request refused: changes can only be made from Toilcap's own pages. ${reason}`,
  };
  return Response.json({ error }, { status: 403, headers: { "cache-control": "no-store" } });
}
