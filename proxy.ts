import { type NextRequest, NextResponse } from "next/server";
import {
  DATA_POLICY,
  newNonce,
  pagePolicy,
  STRICT_TRANSPORT_SECURITY,
} from "@/server/security/content-security-policy";
import { crossSiteRefusal, crossSiteResponse } from "@/server/security/cross-site";
import { hostRefusal, hostResponse } from "@/server/security/host-check";
import { servedOverHttps } from "@/server/security/public-address";
import { logger, REQUEST_ID_HEADER } from "@/server/logging/logger";
import { loggablePath, requestIdOf } from "@/server/logging/request-id";
import { TEAM_COOKIE, rememberableTeamId } from "@/app/_lib/team-cookie";
import { REQUESTED_PAGE_HEADER, requestedPage } from "@/server/security/next-path";

const A_YEAR_IN_SECONDS = 365 * 24 * 60 * 60;

/**
 * The team a page is opened with (`?team=`): this request's layout and page show it, whatever the request.
 */
function requestedTeam(request: NextRequest): string | null {
  if (request.method !== "GET") return null;
  return rememberableTeamId(request.nextUrl.searchParams.get("team"));
}

/**
 * Whether opening this page makes its `?team=` the chosen team for the pages that follow: only a page the browser
 * loads as a document (the shell's team switcher, a link opened from a notification or typed). Next's router fetches
 * pages too, to prefetch every link in view (an admin's home links to every team), and the proxy cannot tell those
 * fetches from a click: Next strips its own router headers (`next-router-prefetch`, `rsc`) before the proxy runs.
 * So links that change the team are plain links, which the browser loads as documents. A browser's speculative
 * prefetch or prerender is a document load too, and chooses nothing either.
 */
function isPageVisit(request: NextRequest): boolean {
  const destination = request.headers.get("sec-fetch-dest");
  // Browsers send Sec-Fetch-* to secure origins and localhost only; over plain HTTP a document load asks for HTML.
  const document =
    destination === null ? (request.headers.get("accept") ?? "").includes("text/html") : destination === "document";
  if (!document) return false;
  const purpose = request.headers.get("sec-purpose") ?? request.headers.get("purpose") ?? "";
  return !purpose.includes("prefetch");
}

/**
 * Runs before every route: refuses requests for another host (DNS rebinding) and cross-site state changes (CSRF), and sets the per-response security headers
 * (a nonce-based Content-Security-Policy for pages, HSTS over HTTPS). The static ones are in next.config.js.
 * Gives every request an id (`x-request-id`, kept from a trusted-looking incoming one), passed on to the route and
 * sent back, and logs one line per request with it.
 */
export function proxy(request: NextRequest): Response {
  const wrongHost = hostRefusal(request.headers);
  if (wrongHost) return hostResponse(wrongHost);
  const { pathname } = request.nextUrl;
  const https = servedOverHttps(request.headers);
  const refusal = crossSiteRefusal({ method: request.method, pathname, headers: request.headers });
  const isData = pathname.startsWith("/api/");
  const nonce = newNonce();
  const requestId = requestIdOf(request.headers.get(REQUEST_ID_HEADER));
  const chosenTeam = isData ? null : requestedTeam(request);
  // The layout of this very request reads the cookie, so the shell and the page agree on the team.
  if (chosenTeam) request.cookies.set(TEAM_COOKIE, chosenTeam);
  const forwarded = new Headers(request.headers);
  forwarded.set(REQUEST_ID_HEADER, requestId);
  const policy = isData
    ? DATA_POLICY
    : pagePolicy(nonce, { https, development: process.env.NODE_ENV === "development" });

  let response: Response;
  if (refusal) {
    response = crossSiteResponse(refusal);
  } else if (isData) {
    response = NextResponse.next({ request: { headers: forwarded } });
  } else {
    // Next takes the nonce for its own scripts from the policy on the request.
    forwarded.set("content-security-policy", policy);
    forwarded.set("x-nonce", nonce);
    forwarded.set(REQUESTED_PAGE_HEADER, requestedPage(request.nextUrl));
    response = NextResponse.next({ request: { headers: forwarded } });
  }
  response.headers.set("content-security-policy", policy);
  if (https) response.headers.set("strict-transport-security", STRICT_TRANSPORT_SECURITY);
  if (chosenTeam && !refusal && isPageVisit(request)) {
    response.headers.append(
      "set-cookie",
      `${TEAM_COOKIE}=${chosenTeam}; Path=/; Max-Age=${A_YEAR_IN_SECONDS}; SameSite=Lax; HttpOnly${https ? "; Secure" : ""}`,
    );
  }
  response.headers.set(REQUEST_ID_HEADER, requestId);
  logger.info(
    {
      reqId: requestId,
      method: request.method,
      path: loggablePath(request.nextUrl),
      ...(refusal ? { status: response.status } : {}),
    },
    "request",
  );
  return response;
}

export const config = {
  // Static chunks and images are not documents; next.config.js still gives them the static headers.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
