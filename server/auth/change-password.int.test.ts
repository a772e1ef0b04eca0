import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db/client";
import { auditLog } from "@/db/schema";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import { useDatabase } from "@/server/db/runtime";
import {
  authRequest,
  cookieOf,
  firstAdmin,
  invitedEngineer,
  PASSWORD,
  sessionStatus,
  signIn,
} from "@/server/testing/account-over-http";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";

/** Issue 12: people change their own password; the current one is required and their other sessions end. */
let database: Database;
let admin: Awaited<ReturnType<typeof firstAdmin>>;

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  admin = await firstAdmin(database.db);
}, 120_000);
afterAll(async () => database?.close());

const changePassword = (cookie: string, body: Record<string, unknown>) =>
  authPost(authRequest("/change-password", body, cookie));

describe(`changing one's own password on ${testEngine}`, () => {
  test("a wrong current password is refused and changes nothing", async () => {
    const ana = await invitedEngineer(database.db, admin, "Ana", "ana.change@example.test");
    const refused = await changePassword(ana.cookie, {
      currentPassword: "not my password",
      newPassword: "something new and long",
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ code: "INVALID_PASSWORD" });
    expect((await signIn(ana.email, PASSWORD)).status).toBe(200);
    expect(
      (await changePassword("", { currentPassword: PASSWORD, newPassword: "something new and long" })).status,
    ).toBe(401);
    const short = await changePassword(ana.cookie, { currentPassword: PASSWORD, newPassword: "short" });
    expect(short.status).toBe(400);
    expect(await short.json()).toMatchObject({ code: "PASSWORD_TOO_SHORT" });
  });

  test("the right one changes it, ends the other sessions even when asked not to, keeps this one, and is audited", async () => {
    const ben = await invitedEngineer(database.db, admin, "Ben", "ben.change@example.test");
    const phone = cookieOf(await signIn(ben.email, PASSWORD));
    const changed = await changePassword(ben.cookie, {
      currentPassword: PASSWORD,
      newPassword: "something new and long",
      revokeOtherSessions: false,
    });
    expect(changed.status).toBe(200);
    expect(await sessionStatus(phone)).toBe(401);
    expect(await sessionStatus(ben.cookie)).toBe(401);
    expect(await sessionStatus(cookieOf(changed))).toBe(200);
    expect((await signIn(ben.email, PASSWORD)).status).toBe(401);
    expect((await signIn(ben.email, "something new and long")).status).toBe(200);
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "person.password.change"), eq(auditLog.entityId, ben.personId)));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actorPersonId).toBe(ben.personId);
  });
});
