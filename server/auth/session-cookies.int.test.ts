import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { session, user } from "@/db/schema";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import { GET as trpcGet } from "@/app/api/trpc/[trpc]/route";
import { useDatabase } from "@/server/db/runtime";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { authFor } from "./index";

/**
 * Sessions as a browser gets them: sign-up and sign-in through the real /api/auth route (better-auth's handler),
 * reading the Set-Cookie it answers with, over plain HTTP and behind a TLS proxy.
 */
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
});
afterAll(async () => database?.close());

const HOST = "toilcap.test";
const PASSWORD = "correct horse battery";

function headersOver(proto: "http" | "https", extra: Record<string, string> = {}): Record<string, string> {
  return {
    host: HOST,
    "x-forwarded-proto": proto,
    origin: `${proto}://${HOST}`,
    "content-type": "application/json",
    "x-forwarded-for": "198.51.100.20",
    ...extra,
  };
}

function authRequest(path: string, body: unknown, headers: Record<string, string>): Request {
  return new Request(`http://${HOST}/api/auth${path}`, { method: "POST", headers, body: JSON.stringify(body) });
}

interface ParsedCookie {
  name: string;
  value: string;
  attributes: Map<string, string>;
}

function sessionCookie(response: Response): ParsedCookie {
  const parsed = response.headers.getSetCookie().map((line) => {
    const [pair = "", ...rest] = line.split(";");
    const [name = "", ...value] = pair.trim().split("=");
    const attributes = new Map(
      rest.map((part) => {
        const [key = "", ...v] = part.trim().split("=");
        return [key.toLowerCase(), v.join("=")] as const;
      }),
    );
    return { name, value: value.join("="), attributes };
  });
  const found = parsed.find((cookie) => cookie.name.endsWith("better-auth.session_token"));
  if (!found) throw new Error(`no session cookie in ${JSON.stringify(response.headers.getSetCookie())}`);
  return found;
}

describe(`session cookies on ${testEngine}`, () => {
  test("over plain HTTP the session cookie is httpOnly and SameSite=Lax, without Secure (a browser would drop it)", async () => {
    const response = await authPost(
      authRequest(
        "/sign-up/email",
        { email: "first@example.test", password: PASSWORD, name: "First Admin" },
        headersOver("http"),
      ),
    );
    expect(response.status).toBe(200);
    const cookie = sessionCookie(response);
    expect(cookie.name).toBe("better-auth.session_token");
    expect(cookie.attributes.has("httponly")).toBe(true);
    expect(cookie.attributes.get("samesite")?.toLowerCase()).toBe("lax");
    expect(cookie.attributes.get("path")).toBe("/");
    expect(cookie.attributes.has("secure")).toBe(false);
  });

  test("behind a proxy sending x-forwarded-proto: https it is Secure and __Secure- prefixed, and it signs the viewer in", async () => {
    const response = await authPost(
      authRequest("/sign-in/email", { email: "first@example.test", password: PASSWORD }, headersOver("https")),
    );
    expect(response.status).toBe(200);
    const cookie = sessionCookie(response);
    expect(cookie.name).toBe("__Secure-better-auth.session_token");
    expect(cookie.attributes.has("secure")).toBe(true);
    expect(cookie.attributes.has("httponly")).toBe(true);
    expect(cookie.attributes.get("samesite")?.toLowerCase()).toBe("lax");

    const me = await trpcGet(
      new Request(`http://${HOST}/api/trpc/viewer.me`, {
        headers: { ...headersOver("https"), cookie: `${cookie.name}=${cookie.value}` },
      }),
    );
    expect(me.status).toBe(200);
    const body = (await me.json()) as { result: { data: { json: { email: string; isAdmin: boolean } } } };
    expect(body.result.data.json).toMatchObject({ email: "first@example.test", isAdmin: true });
  });

  test("a sign-in posted from another site is refused with 403 and starts no session", async () => {
    const before = await database.db.select({ n: count() }).from(session);
    const response = await authPost(
      authRequest(
        "/sign-in/email",
        { email: "first@example.test", password: PASSWORD },
        headersOver("https", { origin: "https://evil.example", "sec-fetch-site": "cross-site" }),
      ),
    );
    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie()).toEqual([]);
    const body = (await response.json()) as { error: { code: string } };
    expect(body.error.code).toBe("cross_site_request");
    expect(await database.db.select({ n: count() }).from(session)).toEqual(before);
  });

  test("better-auth's own origin check is on too (even though NODE_ENV is test): its handler refuses a foreign Origin", async () => {
    const signedIn = sessionCookie(
      await authPost(
        authRequest("/sign-in/email", { email: "first@example.test", password: PASSWORD }, headersOver("http")),
      ),
    );
    const auth = await authFor(new Headers(headersOver("http")));
    const usersBefore = await database.db.select({ n: count() }).from(user);
    // Straight to better-auth, past our route's own check: a cookie-carrying request from another origin.
    const forged = await auth.handler(
      authRequest(
        "/sign-up/email",
        { email: "second@example.test", password: PASSWORD, name: "Forged" },
        headersOver("http", {
          origin: "https://evil.example",
          cookie: `${signedIn.name}=${signedIn.value}`,
        }),
      ),
    );
    expect(forged.status).toBe(403);
    const signOut = await auth.handler(
      authRequest(
        "/sign-out",
        {},
        headersOver("http", { origin: "https://evil.example", cookie: `${signedIn.name}=${signedIn.value}` }),
      ),
    );
    expect(signOut.status).toBe(403);
    expect(await database.db.select({ n: count() }).from(user)).toEqual(usersBefore);
  });

  test("sign-out from our own page ends the session", async () => {
    const cookie = sessionCookie(
      await authPost(
        authRequest("/sign-in/email", { email: "first@example.test", password: PASSWORD }, headersOver("http")),
      ),
    );
    const out = await authPost(
      authRequest("/sign-out", {}, headersOver("http", { cookie: `${cookie.name}=${cookie.value}` })),
    );
    expect(out.status).toBe(200);
    const me = await trpcGet(
      new Request(`http://${HOST}/api/trpc/viewer.current`, {
        headers: { ...headersOver("http"), cookie: `${cookie.name}=${cookie.value}` },
      }),
    );
    const body = (await me.json()) as { result: { data: { json: unknown } } };
    expect(body.result.data.json).toBeNull();
  });

  test("the session check: a forged signature, an unknown or expired session sign nobody in; one due to be extended is, and is extended", async () => {
    const cookie = sessionCookie(
      await authPost(
        authRequest("/sign-in/email", { email: "first@example.test", password: PASSWORD }, headersOver("http")),
      ),
    );
    const viewerWith = async (value: string) => {
      const response = await trpcGet(
        new Request(`http://${HOST}/api/trpc/viewer.current`, {
          headers: { ...headersOver("http"), cookie: `other=1; ${cookie.name}=${value}` },
        }),
      );
      return ((await response.json()) as { result: { data: { json: { email: string } | null } } }).result.data.json;
    };
    expect(await viewerWith(cookie.value)).toMatchObject({ email: "first@example.test" });
    const token = decodeURIComponent(cookie.value).split(".")[0] ?? "";
    const forged = `${token}.${Buffer.alloc(32, 7).toString("base64")}`;
    expect(await viewerWith(encodeURIComponent(forged))).toBeNull();
    const unsignedElse = `${randomUUID()}.${decodeURIComponent(cookie.value).split(".")[1]}`;
    expect(await viewerWith(encodeURIComponent(unsignedElse))).toBeNull();

    // Signed in 29 days and 1 hour ago (30-day sessions, extended after a day): due to be extended.
    const soon = new Date(Date.now() + 23 * 3_600_000);
    await database.db.update(session).set({ expiresAt: soon }).where(eq(session.token, token));
    expect(await viewerWith(cookie.value)).toMatchObject({ email: "first@example.test" });
    const [extended] = await database.db.select().from(session).where(eq(session.token, token));
    expect(extended?.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);

    await database.db
      .update(session)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(session.token, token));
    expect(await viewerWith(cookie.value)).toBeNull();
  });
});
