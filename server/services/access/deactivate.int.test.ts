import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, person } from "@/db/schema";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import { GET as trpcGet } from "@/app/api/trpc/[trpc]/route";
import { useDatabase } from "@/server/db/runtime";
import { authenticateToken } from "@/server/services/api-tokens/authenticate-token";
import { createToken } from "@/server/services/api-tokens/create-token";
import { callerAs, makeTeam } from "@/server/testing/fixtures";
import { tokenOf } from "@/server/testing/sign-up-requests";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { refusal } from "@/server/testing/work-log-fixtures";

/** Issue 12: an admin deactivates someone, and their very next request, by session or by token, is refused. */
let database: Database;
const HOST = "toilcap.test";
const PASSWORD = "correct horse battery";
const NOW = new Date("2026-11-18T10:00:00Z");

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
}, 120_000);
afterAll(async () => database?.close());

function auth(path: string, body: unknown): Request {
  return new Request(`http://${HOST}/api/auth${path}`, {
    method: "POST",
    headers: {
      host: HOST,
      origin: `http://${HOST}`,
      "content-type": "application/json",
      "x-toilcap-client-address": "198.51.100.30",
    },
    body: JSON.stringify(body),
  });
}

function cookieOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0] ?? "")
    .join("; ");
}

async function personIdOf(email: string): Promise<string> {
  const result = (await database.db.execute(sql`select id from person where email = ${email}`)) as unknown as {
    rows: Array<{ id: string }>;
  };
  const id = result.rows[0]?.id;
  if (!id) throw new Error(`no person ${email}`);
  return id;
}

const me = (cookie: string) =>
  trpcGet(new Request(`http://${HOST}/api/trpc/viewer.me`, { headers: { host: HOST, cookie } }));

test(`deactivation ends sessions and API tokens at once and refuses sign-in, on ${testEngine}`, async () => {
  const adminUp = await authPost(
    auth("/sign-up/email", { email: "admin@example.test", password: PASSWORD, name: "Admin" }),
  );
  expect(adminUp.status).toBe(200);
  const adminId = await personIdOf("admin@example.test");
  // After the first admin, sign-up is by invitation link; the invitation makes Erika an engineer of a team,
  // and a token works only for someone in a team.
  const [adminRow] = await database.db.select().from(person).where(eq(person.id, adminId));
  if (!adminRow) throw new Error("no admin");
  const platform = await makeTeam(database.db, adminRow.organisationId, "Platform");
  const invited = await (await callerAs(database.db, adminId)).teams.invite({
    teamId: platform.id,
    name: "Erika",
    email: "erika@example.test",
    timeZone: "Europe/Berlin",
    roles: ["engineer"],
  });
  if (invited.outcome !== "link") throw new Error(`expected a link, got ${invited.outcome}`);
  const erikaUp = await authPost(
    auth("/sign-up/email", {
      email: "erika@example.test",
      password: PASSWORD,
      name: "Erika",
      invitation: tokenOf(invited.path),
    }),
  );
  expect(erikaUp.status).toBe(200);
  const erikaId = await personIdOf("erika@example.test");
  const laptop = cookieOf(erikaUp);
  const phone = cookieOf(await authPost(auth("/sign-in/email", { email: "erika@example.test", password: PASSWORD })));
  const { secret } = await createToken(
    database.db,
    { personId: erikaId },
    { name: "script" },
    { now: NOW, actorPersonId: erikaId },
  );
  expect((await me(laptop)).status).toBe(200);
  expect((await me(phone)).status).toBe(200);
  expect(await authenticateToken(database.db, secret, NOW)).not.toBeNull();

  const admin = await callerAs(database.db, adminId, () => NOW);
  const erika = await callerAs(database.db, erikaId, () => NOW);
  expect(await refusal(erika.access.deactivate({ personId: adminId }))).toMatchObject({ code: "FORBIDDEN" });
  expect(await refusal(admin.access.deactivate({ personId: adminId }))).toMatchObject({
    code: "BAD_REQUEST",
    fields: ["personId"],
  });
  await admin.access.deactivate({ personId: erikaId });

  expect((await me(laptop)).status).toBe(401);
  expect((await me(phone)).status).toBe(401);
  expect(await authenticateToken(database.db, secret, NOW)).toBeNull();
  const again = await authPost(auth("/sign-in/email", { email: "erika@example.test", password: PASSWORD }));
  expect(again.status).toBe(403);
  expect(again.headers.getSetCookie()).toEqual([]);
  expect((await admin.access.people()).find((p) => p.personId === erikaId)?.deactivatedAt).toEqual(NOW);

  await admin.access.reactivate({ personId: erikaId });
  const back = await authPost(auth("/sign-in/email", { email: "erika@example.test", password: PASSWORD }));
  expect(back.status).toBe(200);
  expect((await me(cookieOf(back))).status).toBe(200);
  // Tokens revoked by the deactivation stay revoked.
  expect(await authenticateToken(database.db, secret, NOW)).toBeNull();

  const log = await admin.access.auditLog({ action: "person." });
  expect(
    log
      .filter((entry) => entry.action.endsWith("activate"))
      .map((entry) => [entry.action, entry.actorName, entry.entityId]),
  ).toEqual([
    ["person.reactivate", "Admin", erikaId],
    ["person.deactivate", "Admin", erikaId],
  ]);
  expect(log.every((entry) => entry.action.startsWith("person."))).toBe(true);
  expect(await admin.access.auditLog({ actorPersonId: erikaId, action: "person.deactivate" })).toEqual([]);
  expect(await admin.access.auditLog({ action: "person.", from: new Date("2999-01-01T00:00:00Z") })).toEqual([]);
  const [row] = await database.db.select().from(auditLog).where(sql`${auditLog.action} = 'person.deactivate'`);
  expect(row?.after).toMatchObject({ endedSessions: 2, revokedTokens: 1 });
});
