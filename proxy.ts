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
 * A page opened with `?team=` (the shell's team switcher, a link from a report or a notification) makes that team
 * the chosen one for the pages that follow. Prefetches are not visits, so they choose nothing.
 */
function requestedTeam(request: NextRequest): string | null {
  if (request.method !== "GET" || request.headers.has("next-router-prefetch")) return null;
  const purpose = request.headers.get("sec-purpose") ?? request.headers.get("purpose") ?? "";
  if (purpose.includes("prefetch")) return null;
  return rememberableTeamId(request.nextUrl.searchParams.get("team"));
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
  if (chosenTeam && !refusal) {
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
