import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { POST } from "@/app/api/integrations/pagerduty/[secret]/route";
import type { Database } from "@/db/client";
import { externalUserLink, interrupt } from "@/db/schema";
import { useDatabase } from "@/server/db/runtime";
import { requestCounts } from "@/server/testing/ticket-delivery";
import { at, callerAt, makeRotationTeam, weeklyDraft } from "@/server/testing/rotation-fixtures";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { incidentEvent, signatureHeader, type TestIncident } from "@/server/testing/pagerduty-payloads";

const NOW = new Date("2026-03-20T12:00:00Z");
const SIGNING_SECRET = "Gx8sYdG0rq6Cq1fPpkZ4rS0uHJbEwq2vTq7k5Yc2X9mAeL3n";
const NEXT_SIGNING_SECRET = "Zp3mQ8wR2tY6uI9oK1jH5gF4dS7aL0xC3vB6nM9qW2eR5tY8";

let database: Database;
let fx: Awaited<ReturnType<typeof makeRotationTeam>>;
let secret: string;
let integrationId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  fx = await makeRotationTeam(database.db);
  const planner = await callerAt(database.db, fx.planner.id, at("2026-03-01T12:00"));
  const rotation = await planner.rotations.create({
    teamId: fx.team.id,
    ...weeklyDraft(fx.engineers.map((e) => e.id)),
  });
  const created = await planner.integrations.create({
    teamId: fx.team.id,
    kind: "pagerduty",
    name: "PagerDuty",
    rotationId: rotation.id,
  });
  secret = created.secret;
  integrationId = created.integration.id;
  expect(created.path).toBe(`/api/integrations/pagerduty/${secret}`);
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
});
afterAll(async () => {
  vi.useRealTimers();
  await database?.close();
});

const engineer = (index: number) => {
  const person = fx.engineers[index];
  if (!person) throw new Error(`no engineer ${index}`);
  return person;
};

async function post(body: unknown, signature: string | null, to = secret) {
  const text = JSON.stringify(body);
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": "PagerDuty-Webhook/V3.0",
  };
  if (signature !== null) headers["x-pagerduty-signature"] = signature;
  const response = await POST(
    new Request(`http://toilcap.test/api/integrations/pagerduty/${to}`, { method: "POST", body: text, headers }),
    {
      params: Promise.resolve({ secret: to }),
    },
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const signed = (body: unknown, ...secrets: string[]) =>
  post(body, signatureHeader(JSON.stringify(body), ...(secrets.length ? secrets : [SIGNING_SECRET])));

async function stored(incidentId: string) {
  const rows = await database.db
    .select()
    .from(interrupt)
    .where(
      and(eq(interrupt.teamId, fx.team.id), eq(interrupt.source, "pagerduty"), eq(interrupt.externalId, incidentId)),
    );
  expect(rows.length).toBeLessThanOrEqual(1);
  return rows[0] ?? null;
}

const incident = (id: string, changes: Partial<TestIncident> = {}): TestIncident => ({
  id,
  number: 1234,
  title: "The server is on fire.",
  createdAt: "2026-03-04T13:02:11Z",
  assignees: [{ id: "PXPGF42", name: "Ana Ruiz" }],
  ...changes,
});

describe(`the PagerDuty v3 webhook on ${testEngine}`, () => {
  test("before the signing secret is pasted, deliveries are refused 401 and store nothing", async () => {
    const answer = await signed(
      incidentEvent("01EVT0000000000000000000A0", "incident.triggered", incident("PNOSECRET"), "2026-03-04T13:02:12Z"),
    );
    expect(answer).toMatchObject({ status: 401, body: { ok: false, error: expect.stringMatching(/signing secret/) } });
    expect(await stored("PNOSECRET")).toBeNull();
    const planner = await callerAt(database.db, fx.planner.id, NOW);
    const view = await planner.integrations.setSigningSecret({
      teamId: fx.team.id,
      integrationId,
      signingSecret: SIGNING_SECRET,
    });
    expect(view.hasSigningSecret).toBe(true);
    expect(JSON.stringify(view)).not.toContain(SIGNING_SECRET);
  });

  test("incident.triggered: a page that is an incident, credited to the assignee whose PagerDuty name matches a member", async () => {
    const answer = await signed(
      incidentEvent(
        "5ac64822-4adc-4fda-ade0-410becf0de4f",
        "incident.triggered",
        incident("PT4KHLK"),
        "2026-03-04T13:02:12.169Z",
      ),
    );
    expect(answer).toEqual({
      status: 200,
      body: {
        ok: true,
        event: "5ac64822-4adc-4fda-ade0-410becf0de4f",
        type: "incident.triggered",
        outcome: "created",
        credit: "assignee",
      },
    });
    expect(await stored("PT4KHLK")).toMatchObject({
      kind: "page",
      isIncident: true,
      summary: "[#1234] The server is on fire.",
      service: "API Service",
      severity: "high",
      openedAt: new Date("2026-03-04T13:02:11Z"),
      resolvedAt: null,
      assigneeId: engineer(1).id,
      captureStatus: "captured",
      integrationId,
    });
  });

  test("the same event id again changes nothing; acknowledged and resolved events complete the incident once", async () => {
    const again = await signed(
      incidentEvent(
        "5ac64822-4adc-4fda-ade0-410becf0de4f",
        "incident.triggered",
        incident("PT4KHLK"),
        "2026-03-04T13:02:12.169Z",
      ),
    );
    expect(again.body).toMatchObject({ outcome: "duplicate" });
    const ack = await signed(
      incidentEvent("EVT-ACK-1", "incident.acknowledged", incident("PT4KHLK"), "2026-03-04T13:05:00Z", {
        id: "PXPGF42",
        name: "Ana Ruiz",
      }),
    );
    expect(ack.body).toMatchObject({ outcome: "unchanged" });
    const resolvedEvent = incidentEvent("EVT-RES-1", "incident.resolved", incident("PT4KHLK"), "2026-03-04T14:10:00Z", {
      id: "PXPGF42",
      name: "Ana Ruiz",
    });
    expect((await signed(resolvedEvent)).body).toMatchObject({ outcome: "updated" });
    expect((await signed(resolvedEvent)).body).toMatchObject({ outcome: "duplicate" });
    expect(await stored("PT4KHLK")).toMatchObject({
      resolvedAt: new Date("2026-03-04T14:10:00Z"),
      assigneeId: engineer(1).id,
    });
    expect(await requestCounts(database.db, integrationId)).toMatchObject({ accepted: 2, duplicate: 3 });
  });

  test("an unknown PagerDuty user falls back to whoever was on call in the rotation; a team link wins over the name", async () => {
    const unknown = await signed(
      incidentEvent(
        "EVT-FALLBACK",
        "incident.triggered",
        incident("PFALLBACK", { assignees: [{ id: "PZZZZZZ", name: "Night Contractor" }] }),
        "2026-03-04T13:02:12Z",
      ),
    );
    expect(unknown.body).toMatchObject({ outcome: "created", credit: "on-call" });
    // 4 March is in the rotation's first week: Erik's.
    expect((await stored("PFALLBACK"))?.assigneeId).toBe(engineer(0).id);
    await database.db.insert(externalUserLink).values({
      teamId: fx.team.id,
      system: "pagerduty",
      externalUserId: "PLINKED",
      externalName: "Ana Ruiz",
      personId: engineer(2).id,
    });
    const linked = await signed(
      incidentEvent(
        "EVT-LINKED",
        "incident.triggered",
        incident("PLINK", { assignees: [{ id: "PLINKED", name: "Ana Ruiz" }] }),
        "2026-03-04T13:02:12Z",
      ),
    );
    expect(linked.body).toMatchObject({ credit: "assignee" });
    expect((await stored("PLINK"))?.assigneeId).toBe(engineer(2).id);
  });

  test("a resolved event before its triggered one stores the incident resolved; priority sets the severity", async () => {
    const early = incident("PORDER", { priority: "P1" });
    await signed(incidentEvent("EVT-ORDER-2", "incident.resolved", early, "2026-03-05T10:00:00Z"));
    await signed(incidentEvent("EVT-ORDER-1", "incident.triggered", early, "2026-03-04T13:02:12Z"));
    expect(await stored("PORDER")).toMatchObject({
      resolvedAt: new Date("2026-03-05T10:00:00Z"),
      severity: "critical",
      isIncident: true,
    });
  });

  test("signatures: several during a secret rotation, one match enough; a wrong, missing or malformed one is 401", async () => {
    const body = incidentEvent("EVT-ROTATE", "incident.triggered", incident("PROTATE"), "2026-03-04T13:02:12Z");
    expect((await signed(body, NEXT_SIGNING_SECRET, SIGNING_SECRET)).status).toBe(200);
    const other = incidentEvent("EVT-BAD-SIG", "incident.triggered", incident("PBADSIG"), "2026-03-04T13:02:12Z");
    for (const header of [
      signatureHeader(JSON.stringify(other), NEXT_SIGNING_SECRET),
      null,
      "v1=",
      "v0=abc",
      signatureHeader(JSON.stringify(body), SIGNING_SECRET),
    ]) {
      expect((await post(other, header)).status, String(header)).toBe(401);
    }
    expect(await stored("PBADSIG")).toBeNull();
  });

  test("other event types are acknowledged and ignored; malformed events 400; unknown secrets 404; NUL bytes cleaned", async () => {
    const note = {
      event: {
        id: "EVT-NOTE",
        event_type: "incident.annotated",
        resource_type: "incident",
        occurred_at: "2026-03-04T13:10:00Z",
        agent: null,
        client: null,
        data: { type: "incident_note", content: "hi" },
      },
    };
    expect((await signed(note)).body).toMatchObject({ ok: true, outcome: "unchanged" });
    const broken = incidentEvent(
      "EVT-BROKEN",
      "incident.triggered",
      { ...incident("PBROKEN"), createdAt: "yesterday" },
      "2026-03-04T13:02:12Z",
    );
    expect(await signed(broken)).toMatchObject({
      status: 400,
      body: { error: expect.stringMatching(/event\.data\.created_at/) },
    });
    expect((await signed({ hello: "world" })).status).toBe(400);
    expect((await post(note, null, "A".repeat(43))).status).toBe(404);
    const nul = incidentEvent(
      "EVT-NUL",
      "incident.triggered",
      incident("PNUL\u0000", { title: "disk\u0000full" }),
      "2026-03-04T13:02:12Z",
    );
    expect((await signed(nul)).status).toBe(200);
    expect((await stored("PNUL"))?.summary).toBe("[#1234] diskfull");
  });
});
