import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { asc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { apiToken, auditLog, person } from "@/db/schema";
import { loadViewerByPersonId } from "@/server/auth/viewer";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { callerAs, makeOrganisation, makePerson, makeTeam } from "@/server/testing/fixtures";
import { refusal } from "@/server/testing/work-log-fixtures";
import { authenticateBearer, authenticateToken } from "./authenticate-token";
import { createTokenInput } from "@/server/schemas/api-tokens";
import { createToken, MAX_LIVE_TOKENS } from "./create-token";

const NOW = new Date("2025-03-12T14:00:00Z");
const now = () => NOW;

let database: Database;
let ids: { team: string; erika: string; other: string; admin: string; loner: string; racer: string };

const bearer = (secret: string) => new Headers({ authorization: `Bearer ${secret}` });

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const org = await makeOrganisation(db);
  const home = await makeTeam(db, org.id, "Platform SRE");
  const teams = [{ teamId: home.id, roles: ["engineer" as const] }];
  ids = {
    team: home.id,
    erika: (await makePerson(db, org.id, { name: "Erika", teams })).id,
    other: (await makePerson(db, org.id, { name: "Other", teams })).id,
    admin: (await makePerson(db, org.id, { name: "Admin", isAdmin: true })).id,
    loner: (await makePerson(db, org.id, { name: "In no team" })).id,
    racer: (await makePerson(db, org.id, { name: "Racer", teams })).id,
  };
});
afterAll(async () => database?.close());

describe(`personal API tokens on ${testEngine}`, () => {
  test("a created token's secret is shown once; only its hash and a short prefix are stored", async () => {
    const erika = await callerAs(database.db, ids.erika, now);
    const created = await erika.apiTokens.create({ name: "  Grafana export  " });
    expect(created.secret).toMatch(/^tc_[A-Za-z0-9_-]{43}$/);
    expect(created.token).toMatchObject({
      name: "Grafana export",
      prefix: created.secret.slice(0, 9),
      createdAt: NOW,
      lastUsedAt: null,
    });
    const [row] = await database.db.select().from(apiToken).where(eq(apiToken.id, created.token.id));
    expect(row?.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(created.secret);
    const listed = await erika.apiTokens.list();
    expect(listed.map((t) => t.id)).toContain(created.token.id);
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.entityId, created.token.id));
    expect(audit).toMatchObject({ action: "api-token.create", actorPersonId: ids.erika });
    expect(JSON.stringify(audit)).not.toContain(created.secret);
  });

  test("the bearer check yields the same viewer as a session, and marks the token used", async () => {
    const { db } = database;
    const { token, secret } = await createToken(
      db,
      { personId: ids.erika },
      { name: "metrics" },
      { now: NOW, actorPersonId: ids.erika },
    );
    const viewer = await authenticateBearer(db, bearer(secret), NOW);
    expect(viewer).toEqual(await loadViewerByPersonId(db, ids.erika));
    const [used] = await db.select().from(apiToken).where(eq(apiToken.id, token.id));
    expect(used?.lastUsedAt).toEqual(NOW);
    // A lower-case scheme is still a bearer token (RFC 9110: schemes are case-insensitive).
    expect(await authenticateBearer(db, new Headers({ authorization: `bearer ${secret}` }), NOW)).not.toBeNull();
  });

  test("missing, malformed, unknown and tampered secrets are refused", async () => {
    const { db } = database;
    const { secret } = await createToken(
      db,
      { personId: ids.erika },
      { name: "ci" },
      { now: NOW, actorPersonId: ids.erika },
    );
    const last = secret.at(-1) === "A" ? "B" : "A";
    const refused = [
      new Headers(),
      new Headers({ authorization: secret }),
      new Headers({ authorization: `Basic ${secret}` }),
      bearer(""),
      bearer("tc_short"),
      bearer(`${secret.slice(0, -1)}${last}`),
      bearer(`${secret} extra`),
    ];
    for (const headers of refused) expect(await authenticateBearer(db, headers, NOW)).toBeNull();
  });

  test("a revoked token stops working at once; only its owner can revoke it", async () => {
    const { db } = database;
    const erika = await callerAs(db, ids.erika, now);
    const other = await callerAs(db, ids.other, now);
    const { token, secret } = await erika.apiTokens.create({ name: "to revoke" });
    expect(await other.apiTokens.list()).not.toContainEqual(expect.objectContaining({ id: token.id }));
    expect(await refusal(other.apiTokens.revoke({ id: token.id }))).toMatchObject({
      code: "NOT_FOUND",
      fields: ["id"],
    });
    expect(await authenticateBearer(db, bearer(secret), NOW)).not.toBeNull();

    await erika.apiTokens.revoke({ id: token.id });
    expect(await authenticateBearer(db, bearer(secret), NOW)).toBeNull();
    expect((await erika.apiTokens.list()).map((t) => t.id)).not.toContain(token.id);
    expect(await refusal(erika.apiTokens.revoke({ id: token.id }))).toMatchObject({ code: "NOT_FOUND" });
    const actions = await db
      .select({ action: auditLog.action, actor: auditLog.actorPersonId })
      .from(auditLog)
      .where(eq(auditLog.entityId, token.id))
      .orderBy(asc(auditLog.id));
    expect(actions).toEqual([
      { action: "api-token.create", actor: ids.erika },
      { action: "api-token.revoke", actor: ids.erika },
    ]);
  });

  test("owners without an account or without a team are refused; an admin in no team is not", async () => {
    const { db } = database;
    const forLoner = await createToken(db, { personId: ids.loner }, { name: "x" }, { now: NOW, actorPersonId: null });
    expect(await authenticateToken(db, forLoner.secret, NOW)).toBeNull();
    const forAdmin = await createToken(db, { personId: ids.admin }, { name: "x" }, { now: NOW, actorPersonId: null });
    expect((await authenticateToken(db, forAdmin.secret, NOW))?.viewer.isAdmin).toBe(true);

    const forOther = await createToken(db, { personId: ids.other }, { name: "x" }, { now: NOW, actorPersonId: null });
    expect(await authenticateToken(db, forOther.secret, NOW)).not.toBeNull();
    const [before] = await db.select({ userId: person.userId }).from(person).where(eq(person.id, ids.other));
    await db.update(person).set({ userId: null }).where(eq(person.id, ids.other));
    try {
      expect(await authenticateToken(db, forOther.secret, NOW)).toBeNull();
    } finally {
      await db
        .update(person)
        .set({ userId: before?.userId ?? null })
        .where(eq(person.id, ids.other));
    }
  });

  test("names are checked at their field, and live tokens per person are limited", async () => {
    const { db } = database;
    const loner = await callerAs(db, ids.loner, now);
    expect(await refusal(loner.apiTokens.create({ name: "   " }))).toMatchObject({
      code: "BAD_REQUEST",
      fields: ["name"],
    });
    expect(await refusal(loner.apiTokens.create({ name: "x".repeat(81) }))).toMatchObject({
      code: "BAD_REQUEST",
      fields: ["name"],
    });
    expect(await refusal(loner.apiTokens.revoke({ id: "nope" }))).toMatchObject({
      code: "BAD_REQUEST",
      fields: ["id"],
    });
    const [live] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(apiToken)
      .where(eq(apiToken.personId, ids.loner));
    for (let i = live?.n ?? 0; i < MAX_LIVE_TOKENS; i++) await loner.apiTokens.create({ name: `token ${i}` });
    expect(await refusal(loner.apiTokens.create({ name: "one too many" }))).toMatchObject({
      code: "CONFLICT",
      fields: ["name"],
    });
  });

  test("a token stops working when its lifetime ends (90 days unless chosen), and no longer counts against the limit", async () => {
    const { db } = database;
    const erika = await callerAs(db, ids.erika, now);
    const standard = await erika.apiTokens.create({ name: "standard" });
    expect(standard.token.expiresAt).toEqual(new Date("2025-06-10T14:00:00Z"));
    const weekly = await erika.apiTokens.create({ name: "weekly", lifetimeDays: 7 });
    expect(weekly.token.expiresAt).toEqual(new Date("2025-03-19T14:00:00Z"));
    expect(createTokenInput.safeParse({ name: "forever", lifetimeDays: 100_000 }).error?.issues[0]?.path).toEqual([
      "lifetimeDays",
    ]);
    const justBefore = new Date("2025-03-19T13:59:59Z");
    expect(await authenticateToken(db, weekly.secret, justBefore)).not.toBeNull();
    expect(await authenticateToken(db, weekly.secret, new Date("2025-03-19T14:00:00Z"))).toBeNull();
    const later = await callerAs(db, ids.erika, () => new Date("2025-03-20T00:00:00Z"));
    const listed = await later.apiTokens.list();
    expect(listed.map((t) => t.name)).toContain("standard");
    expect(listed.map((t) => t.name)).not.toContain("weekly");
  });

  test("40 concurrent creations never pass the limit of live tokens", async () => {
    const { db } = database;
    const attempts = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) =>
        createToken(db, { personId: ids.racer }, { name: `race ${i}` }, { now: NOW, actorPersonId: ids.racer }),
      ),
    );
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(MAX_LIVE_TOKENS);
    const [live] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(apiToken)
      .where(eq(apiToken.personId, ids.racer));
    expect(live?.n).toBe(MAX_LIVE_TOKENS);
  });

  test("signed-out callers get UNAUTHORIZED", async () => {
    const anonymous = await callerAs(database.db, null, now);
    expect(await refusal(anonymous.apiTokens.list())).toMatchObject({ code: "UNAUTHORIZED" });
    expect(await refusal(anonymous.apiTokens.create({ name: "x" }))).toMatchObject({ code: "UNAUTHORIZED" });
  });
});
