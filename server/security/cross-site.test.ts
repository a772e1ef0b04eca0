import { describe, expect, test } from "vitest";
import { crossSiteRefusal, crossSiteResponse } from "./cross-site";
import { allowedOrigins, requestOrigin, servedOverHttps } from "./public-address";

const own = { host: "toilcap.local:3000", "x-forwarded-proto": "http" };

function request(method: string, pathname: string, headers: Record<string, string>) {
  return { method, pathname, headers: new Headers(headers) };
}

describe("cross-site refusal of state changes", () => {
  const cases: Array<{
    name: string;
    method: string;
    path: string;
    headers: Record<string, string>;
    env?: Record<string, string>;
    refused: boolean;
  }> = [
    {
      name: "same-origin tRPC mutation",
      method: "POST",
      path: "/api/trpc/workLog.create",
      headers: { ...own, origin: "http://toilcap.local:3000", "sec-fetch-site": "same-origin" },
      refused: false,
    },
    {
      name: "another site's page posting to tRPC",
      method: "POST",
      path: "/api/trpc/workLog.create",
      headers: { ...own, origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      refused: true,
    },
    {
      name: "a sibling origin on the same site (another port)",
      method: "POST",
      path: "/api/trpc/teams.invite",
      headers: { ...own, origin: "http://toilcap.local:3001", "sec-fetch-site": "same-site" },
      refused: true,
    },
    {
      name: "the same host over the other scheme",
      method: "POST",
      path: "/api/trpc/teams.invite",
      headers: { ...own, origin: "https://toilcap.local:3000" },
      refused: true,
    },
    {
      name: "an opaque origin (sandboxed frame)",
      method: "POST",
      path: "/api/trpc/teams.invite",
      headers: { ...own, origin: "null" },
      refused: true,
    },
    {
      name: "no Origin but Fetch Metadata says cross-site",
      method: "POST",
      path: "/api/trpc/teams.invite",
      headers: { ...own, "sec-fetch-site": "cross-site" },
      refused: true,
    },
    {
      name: "neither header: a script, not a browser",
      method: "POST",
      path: "/api/trpc/teams.invite",
      headers: own,
      refused: false,
    },
    {
      name: "a sign-in posted from another site",
      method: "POST",
      path: "/api/auth/sign-in/email",
      headers: { ...own, origin: "https://evil.example" },
      refused: true,
    },
    {
      name: "a sign-out posted from our own page",
      method: "POST",
      path: "/api/auth/sign-out",
      headers: { ...own, origin: "http://toilcap.local:3000" },
      refused: false,
    },
    {
      name: "a page POST (no server actions exist, but they would be covered)",
      method: "POST",
      path: "/settings",
      headers: { ...own, origin: "https://evil.example" },
      refused: true,
    },
    {
      name: "reads are never refused",
      method: "GET",
      path: "/api/trpc/workLog.week",
      headers: { ...own, origin: "https://evil.example" },
      refused: false,
    },
    {
      name: "HEAD is a read",
      method: "HEAD",
      path: "/",
      headers: { ...own, origin: "https://evil.example" },
      refused: false,
    },
    {
      name: "Alertmanager webhook: the secret in the path is the credential",
      method: "POST",
      path: "/api/integrations/alertmanager/abc",
      headers: { ...own, origin: "https://evil.example" },
      refused: false,
    },
    {
      name: "bearer-token JSON API",
      method: "POST",
      path: "/api/v1/reports/toil",
      headers: { ...own, origin: "https://evil.example" },
      refused: false,
    },
    {
      name: "metrics (bearer token)",
      method: "POST",
      path: "/api/metrics",
      headers: { ...own, origin: "https://evil.example" },
      refused: false,
    },
    {
      name: "a path that only starts like an exempt one",
      method: "POST",
      path: "/api/v1x/thing",
      headers: { ...own, origin: "https://evil.example" },
      refused: true,
    },
    {
      name: "behind a TLS proxy, the public origin",
      method: "POST",
      path: "/api/trpc/teams.invite",
      headers: {
        host: "10.0.0.5:3000",
        "x-forwarded-host": "toilcap.example.com",
        "x-forwarded-proto": "https",
        origin: "https://toilcap.example.com",
      },
      refused: false,
    },
    {
      name: "with BETTER_AUTH_URL set, only that origin",
      method: "POST",
      path: "/api/trpc/teams.invite",
      headers: { ...own, origin: "http://toilcap.local:3000" },
      env: { BETTER_AUTH_URL: "https://toilcap.example.com" },
      refused: true,
    },
    {
      name: "with BETTER_AUTH_URL set, its origin",
      method: "POST",
      path: "/api/trpc/teams.invite",
      headers: { ...own, origin: "https://toilcap.example.com" },
      env: { BETTER_AUTH_URL: "https://toilcap.example.com/" },
      refused: false,
    },
    {
      name: "an origin listed in BETTER_AUTH_TRUSTED_ORIGINS",
      method: "POST",
      path: "/api/trpc/teams.invite",
      headers: { ...own, origin: "https://ops.example.com" },
      env: { BETTER_AUTH_TRUSTED_ORIGINS: "https://ops.example.com, https://other.example" },
      refused: false,
    },
  ];
  test.each(cases)("$name", ({ method, path, headers, env, refused }) => {
    const reason = crossSiteRefusal(request(method, path, headers), env ?? {});
    expect(reason !== null).toBe(refused);
  });

  test("the refusal is a 403 in the JSON API's error shape, saying why", async () => {
    const response = crossSiteResponse("The request came from https://evil.example, which is not this site.");
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const body = (await response.json()) as { error: { status: number; code: string; message: string } };
    expect(body.error).toMatchObject({ status: 403, code: "cross_site_request" });
    expect(body.error.message).toContain("https://evil.example");
  });
});

describe("public address", () => {
  test("the request's own origin follows the forwarded scheme and host", () => {
    expect(requestOrigin(new Headers({ host: "a.example:3000" }))).toBe("http://a.example:3000");
    expect(
      requestOrigin(
        new Headers({ host: "10.0.0.5", "x-forwarded-host": "a.example", "x-forwarded-proto": "https, http" }),
      ),
    ).toBe("https://a.example");
    expect(requestOrigin(new Headers({ host: "a.example", "x-forwarded-proto": "gopher" }))).toBeNull();
  });

  test("HTTPS is the configured address's scheme, else the forwarded scheme", () => {
    const https = new Headers({ host: "a.example", "x-forwarded-proto": "https" });
    const http = new Headers({ host: "a.example", "x-forwarded-proto": "http" });
    expect(servedOverHttps(https, {})).toBe(true);
    expect(servedOverHttps(http, {})).toBe(false);
    expect(servedOverHttps(http, { BETTER_AUTH_URL: "https://a.example" })).toBe(true);
    expect(servedOverHttps(https, { BETTER_AUTH_URL: "http://localhost:3000" })).toBe(false);
  });

  test("malformed trusted origins are ignored, not trusted", () => {
    expect(
      allowedOrigins(new Headers(), {
        BETTER_AUTH_TRUSTED_ORIGINS: "not a url,javascript:alert(1),https://ok.example/path",
      }),
    ).toEqual(["https://ok.example"]);
  });
});
