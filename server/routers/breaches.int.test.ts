import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, capBreach, team } from "@/db/schema";
import { BERLIN, makeBreachTeam, toilDays, type BreachTeamFixture } from "@/server/testing/breach-fixtures";
import { callerAs } from "@/server/testing/fixtures";
import { failureOf } from "@/server/testing/rotation-fixtures";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { startWebhookReceiver, verifiedBody, type WebhookReceiver } from "@/server/testing/webhook-receiver";
import { ALLOW_HOSTS_ENV } from "@/server/integrations/breach-webhook/destination";
import { local } from "@/server/testing/work-log-fixtures";
import { settleBackgroundWork } from "@/server/services/breaches/background";
import { checkCapBreaches } from "@/server/services/breaches/check-cap-breaches";

// Thursday 12 March 2026, 17:00 in Berlin: 9 working days so far this month.
const NOW = local("2026-03-12T17:00", BERLIN);
const FIRST_WEEK = ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"];

let database: Database;
let receiver: WebhookReceiver;
let fx: BreachTeamFixture;

const as = (personId: string | null) => callerAs(database.db, personId, () => NOW);

beforeAll(async () => {
  // The receiver listens on loopback, which only an allow-listed host may reach.
  vi.stubEnv(ALLOW_HOSTS_ENV, "127.0.0.1");
  database = await createTestDatabase();
  receiver = await startWebhookReceiver();
  const { db } = database;
  fx = await makeBreachTeam(db);
  await toilDays(db, fx.erika, fx.team.id, FIRST_WEEK);
  await toilDays(db, fx.dana, fx.team.id, FIRST_WEEK);
  await checkCapBreaches(db, fx.team.id, "all", NOW);
  // Erika also breached in February: three days of toil by the 4th.
  await toilDays(db, fx.erika, fx.team.id, ["2026-02-02", "2026-02-03", "2026-02-04"]);
  await checkCapBreaches(db, fx.team.id, [fx.erika.id], local("2026-02-04T17:00", BERLIN));
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await settleBackgroundWork();
  await receiver?.close();
  await database?.close();
});

describe(`breaches procedures on ${testEngine}`, () => {
  test("mine: the caller's own unacknowledged breaches, newest first, with the sentence to show", async () => {
    const mine = await (await as(fx.erika.id)).breaches.mine();
    expect(mine.map((b) => [b.kind, b.projected, b.periodStart.toISOString()])).toEqual([
      ["toil", false, local("2026-03-01T00:00", BERLIN).toISOString()],
      ["toil", false, local("2026-02-01T00:00", BERLIN).toISOString()],
    ]);
    expect(mine[0]?.message).toBe("Your toil share this month reached 56%, over the team's 50% cap.");
    expect(mine[1]?.message).toBe("Your toil share in February 2026 reached 100%, over the team's 50% cap.");
    expect(await (await as(fx.kiran.id)).breaches.mine()).toEqual([]);
    expect(await failureOf((await as(null)).breaches.mine())).toMatchObject({ code: "UNAUTHORIZED" });
  });

  test("team: the team's breaches of a month for its managers and admins, nobody else", async () => {
    const march = await (await as(fx.manager.id)).breaches.team({ teamId: fx.team.id });
    expect(march.month).toBe("2026-03");
    // Breach months are the team's calendar months, so every breach reads in the team's zone (Dana is in New York).
    expect(march.breaches.map((b) => [b.name, b.kind, b.deliveryStatus, b.timeZone])).toEqual([
      ["Dana Kim", "toil", "none", BERLIN],
      ["Erika Berg", "toil", "none", BERLIN],
    ]);
    const february = await (await as(fx.admin.id)).breaches.team({ teamId: fx.team.id, month: "2026-02" });
    expect(february.breaches.map((b) => b.name)).toEqual(["Erika Berg"]);
    expect((await (await as(fx.manager.id)).breaches.team({ teamId: fx.team.id, month: "2026-04" })).breaches).toEqual(
      [],
    );
    expect(await failureOf((await as(fx.erika.id)).breaches.team({ teamId: fx.team.id }))).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await failureOf((await as(fx.outsider.id)).breaches.team({ teamId: fx.team.id }))).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await failureOf((await as(fx.foreignAdmin.id)).breaches.team({ teamId: fx.team.id }))).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(
      await failureOf((await as(fx.manager.id)).breaches.team({ teamId: fx.team.id, month: "2026-13" })),
    ).toMatchObject({ code: "BAD_REQUEST", field: "month" });
    expect(
      await failureOf((await as(fx.manager.id)).breaches.team({ teamId: fx.team.id, extra: 1 } as never)),
    ).toMatchObject({ code: "BAD_REQUEST" });
  });

  test("acknowledge: the engineer for their own, a manager for the team's; others are refused; audit-logged once", async () => {
    const [erikaMarch] = await (await as(fx.erika.id)).breaches.mine();
    const [danaMarch] = await (await as(fx.dana.id)).breaches.mine();
    if (!erikaMarch || !danaMarch) throw new Error("missing breaches");
    expect(await failureOf((await as(fx.dana.id)).breaches.acknowledge({ breachId: erikaMarch.id }))).toMatchObject({
      code: "FORBIDDEN",
      field: "breachId",
    });
    expect(await failureOf((await as(fx.outsider.id)).breaches.acknowledge({ breachId: erikaMarch.id }))).toMatchObject(
      { code: "FORBIDDEN" },
    );
    expect(
      await failureOf((await as(fx.foreignAdmin.id)).breaches.acknowledge({ breachId: erikaMarch.id })),
    ).toMatchObject({ code: "NOT_FOUND" });
    expect(await failureOf((await as(fx.erika.id)).breaches.acknowledge({ breachId: "not-a-uuid" }))).toMatchObject({
      code: "BAD_REQUEST",
      field: "breachId",
    });
    expect(
      await failureOf(
        (await as(fx.erika.id)).breaches.acknowledge({ breachId: "00000000-0000-4000-8000-000000000000" }),
      ),
    ).toMatchObject({ code: "NOT_FOUND" });

    const erika = await as(fx.erika.id);
    expect((await erika.breaches.acknowledge({ breachId: erikaMarch.id })).acknowledgedAt).toEqual(NOW);
    expect(await erika.breaches.acknowledge({ breachId: erikaMarch.id })).toEqual({
      id: erikaMarch.id,
      acknowledgedAt: NOW,
    });
    expect((await erika.breaches.mine()).map((b) => b.id)).not.toContain(erikaMarch.id);
    await (await as(fx.manager.id)).breaches.acknowledge({ breachId: danaMarch.id });
    expect(await (await as(fx.dana.id)).breaches.mine()).toEqual([]);
    // Still listed for managers, now acknowledged.
    const listed = await (await as(fx.manager.id)).breaches.team({ teamId: fx.team.id });
    expect(listed.breaches.every((b) => b.acknowledgedAt !== null)).toBe(true);
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, erikaMarch.id), eq(auditLog.action, "cap-breach.acknowledge")));
    expect(audit.map((a) => a.actorPersonId)).toEqual([fx.erika.id]);
  });

  test("setWebhook / getWebhook: managers set an http(s) URL or turn it off; the audit log keeps only its host", async () => {
    const manager = await as(fx.manager.id);
    expect(await manager.breaches.getWebhook({ teamId: fx.team.id })).toEqual({
      teamId: fx.team.id,
      url: null,
      hasSigningSecret: false,
    });
    const url = "https://hooks.example.com/services/T000/B000/secretsecret";
    const saved = await manager.breaches.setWebhook({ teamId: fx.team.id, url: `  ${url} ` });
    expect(saved).toEqual({
      teamId: fx.team.id,
      url,
      hasSigningSecret: true,
      signingSecret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{43}=$/),
      queued: 0,
    });
    expect(await (await as(fx.admin.id)).breaches.getWebhook({ teamId: fx.team.id })).toEqual({
      teamId: fx.team.id,
      url,
      hasSigningSecret: true,
    });
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, fx.team.id), eq(auditLog.action, "team.breach-webhook.set")));
    expect(audit).toMatchObject({
      actorPersonId: fx.manager.id,
      before: { breachWebhookUrl: null },
      after: { breachWebhookUrl: "https://hooks.example.com/…" },
    });
    expect(JSON.stringify(audit)).not.toContain("secretsecret");
    await manager.breaches.setWebhook({ teamId: fx.team.id, url: null });
    expect(await manager.breaches.getWebhook({ teamId: fx.team.id })).toEqual({
      teamId: fx.team.id,
      url: null,
      hasSigningSecret: true,
    });
    const actions = await database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, fx.team.id));
    expect(actions.map((a) => a.action).sort()).toEqual(["team.breach-webhook.clear", "team.breach-webhook.set"]);
  });

  test.each([
    { url: "ftp://example.com/hook", why: "not http" },
    { url: "example.com/hook", why: "no scheme" },
    { url: "", why: "empty (null turns it off)" },
    { url: `https://example.com/${"a".repeat(2048)}`, why: "over 2048 characters" },
    { url: "https://user:pass@example.com/hook", why: "credentials in the URL" },
    { url: "javascript:alert(1)", why: "not a web URL" },
  ])("setWebhook refuses $why at `url`, changing nothing", async ({ url }) => {
    const manager = await as(fx.manager.id);
    expect(await failureOf(manager.breaches.setWebhook({ teamId: fx.team.id, url }))).toMatchObject({
      code: "BAD_REQUEST",
      field: "url",
    });
    const [row] = await database.db.select({ url: team.breachWebhookUrl }).from(team).where(eq(team.id, fx.team.id));
    expect(row?.url).toBeNull();
  });

  test("webhook settings are the managers': engineers, planners of other teams and other organisations are refused", async () => {
    const input = { teamId: fx.team.id, url: "https://example.com/hook" };
    expect(await failureOf((await as(fx.erika.id)).breaches.setWebhook(input))).toMatchObject({ code: "FORBIDDEN" });
    expect(await failureOf((await as(fx.erika.id)).breaches.getWebhook({ teamId: fx.team.id }))).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await failureOf((await as(fx.outsider.id)).breaches.testWebhook({ teamId: fx.team.id }))).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await failureOf((await as(fx.foreignAdmin.id)).breaches.setWebhook(input))).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await failureOf((await as(null)).breaches.getWebhook({ teamId: fx.team.id }))).toMatchObject({
      code: "UNAUTHORIZED",
    });
    expect(await failureOf((await as(fx.erika.id)).breaches.rotateWebhookSecret({ teamId: fx.team.id }))).toMatchObject(
      { code: "FORBIDDEN" },
    );
    expect(
      await failureOf((await as(fx.foreignAdmin.id)).breaches.rotateWebhookSecret({ teamId: fx.team.id })),
    ).toMatchObject({ code: "NOT_FOUND" });
  });

  test("teams.get tells a member nothing of the webhook: no URL, no signing secret", async () => {
    const url = "https://hooks.example.com/services/T000/B000/membersmustnotsee";
    await (await as(fx.manager.id)).breaches.setWebhook({ teamId: fx.team.id, url });
    for (const who of [fx.erika.id, fx.manager.id]) {
      const seen = await (await as(who)).teams.get({ teamId: fx.team.id });
      expect(seen).toMatchObject({ id: fx.team.id, name: "Platform SRE", toilCap: 0.5, onCallCap: 0.25 });
      expect(JSON.stringify(seen)).not.toMatch(/membersmustnotsee|whsec_|[Ww]ebhook/);
    }
    await (await as(fx.manager.id)).breaches.setWebhook({ teamId: fx.team.id, url: null });
  });

  test("testWebhook sends a sample to the saved URL and reports how it was answered", async () => {
    const manager = await as(fx.manager.id);
    expect(await failureOf(manager.breaches.testWebhook({ teamId: fx.team.id }))).toMatchObject({
      code: "BAD_REQUEST",
      field: "url",
    });
    await manager.breaches.setWebhook({ teamId: fx.team.id, url: receiver.url });
    const { signingSecret } = await manager.breaches.rotateWebhookSecret({ teamId: fx.team.id });
    const ok = await manager.breaches.testWebhook({ teamId: fx.team.id });
    expect(ok).toMatchObject({ ok: true, status: 200, error: null });
    expect(verifiedBody(receiver.requests.at(-1), signingSecret)).toMatchObject({ test: true });
    expect(receiver.requests.at(-1)?.body).toMatchObject({
      type: "toilcap.cap_breach",
      test: true,
      team: { id: fx.team.id, name: "Platform SRE" },
      engineer: { id: fx.manager.id, name: "Mona Manager" },
      cap: "toil",
      share: 0.62,
      limit: 0.5,
      period: { from: "2026-03-01T00:00:00.000+01:00", to: "2026-04-01T00:00:00.000+02:00", timeZone: BERLIN },
    });
    receiver.answer(() => 500);
    expect(await manager.breaches.testWebhook({ teamId: fx.team.id })).toMatchObject({
      ok: false,
      status: 500,
      error: "HTTP 500",
    });
    receiver.answer(() => 200);
    // A test is not a breach: nothing stored.
    const rows = await database.db.select().from(capBreach).where(eq(capBreach.personId, fx.manager.id));
    expect(rows).toEqual([]);
  });
});
