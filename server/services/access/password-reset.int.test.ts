import { and, eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, person } from "@/db/schema";
import { useDatabase } from "@/server/db/runtime";
import { firstAdmin, invitedEngineer, PASSWORD, sessionStatus, signIn } from "@/server/testing/account-over-http";
import { callerAs } from "@/server/testing/fixtures";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { refusal } from "@/server/testing/work-log-fixtures";

/** Issue 12: an admin's password-reset link works once, for a day, only while it is the newest, and signs the person out everywhere. */
let database: Database;
let admin: Awaited<ReturnType<typeof firstAdmin>>;
const ISSUED = new Date("2026-11-18T10:00:00Z");
const later = (hours: number) => DateTime.fromJSDate(ISSUED).plus({ hours }).toJSDate();
const NEW_PASSWORD = "a brand new passphrase";

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  admin = await firstAdmin(database.db);
}, 120_000);
afterAll(async () => database?.close());

const adminAt = (now: Date) => callerAs(database.db, admin.personId, () => now);
const anonymousAt = (now: Date) => callerAs(database.db, null, () => now);
const tokenIn = (path: string) => new URL(path, "http://toilcap.test").searchParams.get("token") ?? "";

async function auditActions(personId: string) {
  const rows = await database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "person"), eq(auditLog.entityId, personId)));
  return rows.map((row) => row.action);
}

describe(`password-reset links on ${testEngine}`, () => {
  test("the link sets a new password once, ends every session, and is audited", async () => {
    const erika = await invitedEngineer(database.db, admin, "Erika", "erika.reset@example.test");
    const phone = (await signIn(erika.email, PASSWORD)).headers
      .getSetCookie()
      .map((line) => line.split(";")[0])
      .join("; ");
    expect(await sessionStatus(erika.cookie)).toBe(200);
    expect(await sessionStatus(phone)).toBe(200);

    const issued = await (await adminAt(ISSUED)).access.issuePasswordReset({ personId: erika.personId });
    expect(issued).toMatchObject({ name: "Erika", email: erika.email, expiresAt: later(24) });
    expect(issued.path).toMatch(/^\/reset-password\?token=[A-Za-z0-9_-]{43}$/);
    const token = tokenIn(issued.path);
    expect(await (await anonymousAt(later(1))).passwordReset.preview({ token })).toEqual({
      name: "Erika",
      email: erika.email,
    });

    await (await anonymousAt(later(1))).passwordReset.use({ token, newPassword: NEW_PASSWORD });
    expect(await sessionStatus(erika.cookie)).toBe(401);
    expect(await sessionStatus(phone)).toBe(401);
    expect((await signIn(erika.email, PASSWORD)).status).toBe(401);
    expect((await signIn(erika.email, NEW_PASSWORD)).status).toBe(200);

    const again = await refusal(
      (await anonymousAt(later(2))).passwordReset.use({ token, newPassword: "yet another password" }),
    );
    expect(again).toMatchObject({ code: "NOT_FOUND", fields: ["token"] });
    expect(again.message).toContain("already used");
    expect((await signIn(erika.email, NEW_PASSWORD)).status).toBe(200);
    expect(await auditActions(erika.personId)).toEqual(
      expect.arrayContaining(["person.password-reset-link.issue", "person.password-reset-link.use"]),
    );
  });

  test("a link expires after 24 hours on the server's clock", async () => {
    const ben = await invitedEngineer(database.db, admin, "Ben", "ben.reset@example.test");
    const token = tokenIn((await (await adminAt(ISSUED)).access.issuePasswordReset({ personId: ben.personId })).path);
    expect(await (await anonymousAt(later(23.9))).passwordReset.preview({ token })).toMatchObject({ name: "Ben" });
    const expired = await refusal(
      (await anonymousAt(later(24))).passwordReset.use({ token, newPassword: NEW_PASSWORD }),
    );
    expect(expired).toMatchObject({ code: "NOT_FOUND", fields: ["token"] });
    expect(expired.message).toContain("expired");
    expect((await signIn(ben.email, PASSWORD)).status).toBe(200);
  });

  test("issuing a new link revokes the older one", async () => {
    const chen = await invitedEngineer(database.db, admin, "Chen", "chen.reset@example.test");
    const first = tokenIn((await (await adminAt(ISSUED)).access.issuePasswordReset({ personId: chen.personId })).path);
    const second = tokenIn(
      (await (await adminAt(later(1))).access.issuePasswordReset({ personId: chen.personId })).path,
    );
    const replaced = await refusal((await anonymousAt(later(2))).passwordReset.preview({ token: first }));
    expect(replaced.message).toContain("replaced by a newer one");
    await (await anonymousAt(later(2))).passwordReset.use({ token: second, newPassword: NEW_PASSWORD });
    expect((await signIn(chen.email, NEW_PASSWORD)).status).toBe(200);
  });

  test("unknown, malformed and short passwords are refused naming the field; nobody deactivated or without an account gets a link", async () => {
    const anonymous = await anonymousAt(ISSUED);
    expect(
      await refusal(anonymous.passwordReset.use({ token: "A".repeat(43), newPassword: NEW_PASSWORD })),
    ).toMatchObject({ code: "NOT_FOUND", fields: ["token"] });
    expect(await refusal(anonymous.passwordReset.preview({ token: "../../etc/passwd" }))).toMatchObject({
      code: "NOT_FOUND",
      fields: ["token"],
    });
    const dana = await invitedEngineer(database.db, admin, "Dana", "dana.reset@example.test");
    const token = tokenIn((await (await adminAt(ISSUED)).access.issuePasswordReset({ personId: dana.personId })).path);
    expect(await refusal(anonymous.passwordReset.use({ token, newPassword: "short" }))).toMatchObject({
      code: "BAD_REQUEST",
      fields: ["newPassword"],
    });

    await (await adminAt(ISSUED)).access.deactivate({ personId: dana.personId });
    expect(await refusal(anonymous.passwordReset.use({ token, newPassword: NEW_PASSWORD }))).toMatchObject({
      code: "FORBIDDEN",
      fields: ["token"],
    });
    expect(await refusal((await adminAt(ISSUED)).access.issuePasswordReset({ personId: dana.personId }))).toMatchObject(
      { code: "BAD_REQUEST", fields: ["personId"] },
    );

    const [imported] = await database.db
      .insert(person)
      .values({ organisationId: admin.organisationId, name: "Nora Imported", email: "nora.reset@example.test" })
      .returning({ id: person.id });
    expect(
      await refusal((await adminAt(ISSUED)).access.issuePasswordReset({ personId: imported?.id ?? "" })),
    ).toMatchObject({ code: "BAD_REQUEST", fields: ["personId"] });
  });
});
