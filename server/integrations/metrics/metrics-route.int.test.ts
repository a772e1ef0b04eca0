/**
 * `GET /api/metrics` (app/api/metrics/route.ts) called through its exported handler with a real Request, on the
 * demo data: who may scrape, and that what it says parses and equals the toil-cap report's numbers.
 */
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { and, count, eq, isNull } from "drizzle-orm";
import { Registry } from "prom-client";
import type { Database } from "@/db/client";
import { execFileSync } from "node:child_process";
import { interrupt, person, rotation, team, webhookRequestCount } from "@/db/schema";
import { GET } from "@/app/api/metrics/route";
import { loadViewerByPersonId } from "@/server/auth/viewer";
import type { Viewer } from "@/server/auth/permissions";
import { useDatabase } from "@/server/db/runtime";
import { createToken } from "@/server/services/api-tokens/create-token";
import { createIntegration } from "@/server/services/integrations/create-integration";
import { deliver } from "@/server/testing/alertmanager-delivery";
import { notification, PAYMENTS_5XX } from "@/server/testing/alertmanager-payloads";
import { deliverTicket } from "@/server/testing/ticket-delivery";
import { revokeToken } from "@/server/services/api-tokens/revoke-token";
import { seedDemo } from "@/server/services/demo/seed-demo";
import { teamToil } from "@/server/services/reports/team-toil";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";

const NOW = new Date("2025-05-07T15:00:00Z");

/** Prometheus' own linter (Debian package `prometheus`); CI installs it. */
const PROMTOOL = ["/usr/bin/promtool", "/usr/local/bin/promtool"].find((path) => {
  try {
    execFileSync(path, ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
});

let database: Database;
let teams: { platform: string; data: string };
let people: Record<"maria" | "erik" | "admin", { id: string; viewer: Viewer; secret: string; tokenId: string }>;

async function holder(email: string) {
  const [row] = await database.db.select().from(person).where(eq(person.email, email));
  const viewer = row ? await loadViewerByPersonId(database.db, row.id) : null;
  if (!row || !viewer) throw new Error(`no demo person ${email}`);
  const { token, secret } = await createToken(
    database.db,
    { personId: row.id },
    { name: "metrics test" },
    { now: NOW, actorPersonId: row.id },
  );
  return { id: row.id, viewer, secret, tokenId: token.id };
}

function scrape(authorization?: string): Promise<Response> {
  const headers = new Headers();
  if (authorization !== undefined) headers.set("authorization", authorization);
  return GET(new Request("http://toilcap.test/api/metrics", { headers }));
}

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** A strict reader of the text exposition format (0.0.4): every sample's family declared, every line understood. */
function parseExposition(text: string): { samples: Sample[]; types: Map<string, string> } {
  const types = new Map<string, string>();
  const helps = new Set<string>();
  const samples: Sample[] = [];
  for (const line of text.split("\n")) {
    if (line === "") continue;
    const meta = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.+)$/.exec(line);
    if (meta) {
      const [, what = "", name = "", rest = ""] = meta;
      if (what === "TYPE") types.set(name, rest);
      else helps.add(name);
      continue;
    }
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!sample) throw new Error(`unparsable line: ${line}`);
    const [, name = "", labelText = "", valueText = ""] = sample;
    const labels: Record<string, string> = {};
    const labelPattern = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)",?/gy;
    let consumed = 0;
    for (const match of labelText.matchAll(labelPattern)) {
      const [whole, key = "", raw = ""] = match;
      labels[key] = raw.replace(/\\(.)/g, (_, c: string) => (c === "n" ? "\n" : c));
      consumed += whole.length;
    }
    if (consumed !== labelText.length) throw new Error(`unparsable labels: ${labelText}`);
    const value = Number(valueText);
    if (Number.isNaN(value) && valueText !== "NaN") throw new Error(`bad value: ${line}`);
    const family = types.has(name) ? name : name.replace(/_total$/, "");
    if (!types.has(family) || !helps.has(family)) throw new Error(`sample of an undeclared family: ${line}`);
    samples.push({ name, labels, value });
  }
  return { samples, types };
}

const series = (samples: Sample[], name: string, labels: Record<string, string>) =>
  samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));

async function refusalStatus(response: Response): Promise<{ status: number; code: string }> {
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.message.length).toBeGreaterThan(0);
  return { status: response.status, code: body.error.code };
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
  database = await createTestDatabase();
  useDatabase(database);
  const seeded = await seedDemo(database.db, { now: NOW });
  const [data] = await database.db.select().from(team).where(eq(team.name, "Data Platform"));
  if (!data) throw new Error("no Data Platform team");
  teams = { platform: seeded.teamId, data: data.id };
  people = {
    maria: await holder("maria@northwind.example"),
    erik: await holder("erik@northwind.example"),
    admin: await holder("admin@northwind.example"),
  };
});
afterAll(async () => {
  vi.useRealTimers();
  await database?.close();
});

describe(`GET /api/metrics on ${testEngine}`, () => {
  test("without a token, with a malformed or unknown one, or a revoked one: 401 with a challenge", async () => {
    const missing = await scrape();
    expect(await refusalStatus(missing)).toEqual({ status: 401, code: "unauthorized" });
    expect(missing.headers.get("www-authenticate")).toBe('Bearer realm="toilcap"');
    for (const authorization of ["Bearer nonsense", `Bearer ${people.maria.secret}x`, `Basic ${people.maria.secret}`]) {
      expect(await refusalStatus(await scrape(authorization))).toEqual({ status: 401, code: "unauthorized" });
    }
    const { secret, token } = await createToken(
      database.db,
      { personId: people.maria.id },
      { name: "soon revoked" },
      { now: NOW, actorPersonId: people.maria.id },
    );
    expect((await scrape(`Bearer ${secret}`)).status).toBe(200);
    await revokeToken(database.db, { personId: people.maria.id }, { id: token.id }, NOW);
    const revoked = await scrape(`Bearer ${secret}`);
    expect(await refusalStatus(revoked)).toEqual({ status: 401, code: "unauthorized" });
    expect(revoked.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });

  test("an engineer who manages no team: 403", async () => {
    expect(await refusalStatus(await scrape(`Bearer ${people.erik.secret}`))).toEqual({
      status: 403,
      code: "forbidden",
    });
  });

  test("a manager scrapes her team: the exposition parses and equals the month's toil-cap report", async () => {
    const response = await scrape(`Bearer ${people.maria.secret}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(new Registry().contentType);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const { samples, types } = parseExposition(await response.text());
    expect(types.get("toilcap_toil_share_ratio")).toBe("gauge");
    expect(types.get("toilcap_interrupts_recorded_total")).toBe("counter");
    // Only her team: Data Platform is not hers.
    expect(new Set(samples.flatMap((s) => s.labels.team_id ?? []))).toEqual(new Set([teams.platform]));

    const report = await teamToil(database.db, people.maria.viewer, { teamId: teams.platform, period: "month" }, NOW);
    expect(report.members.length).toBeGreaterThan(0);
    expect(series(samples, "toilcap_toil_share_ratio", {})).toHaveLength(report.members.length);
    for (const member of report.members) {
      const labels = { team_id: teams.platform, engineer_id: member.personId };
      expect(series(samples, "toilcap_toil_share_ratio", labels).map((s) => s.value)).toEqual([
        member.accounting.toilShare,
      ]);
      expect(series(samples, "toilcap_on_call_share_ratio", labels).map((s) => s.value)).toEqual([
        member.accounting.onCallShare,
      ]);
      expect(series(samples, "toilcap_toil_cap_breach", labels).map((s) => s.value)).toEqual([
        member.toilCap.over ? 1 : 0,
      ]);
      expect(
        series(samples, "toilcap_engineer_info", { engineer_id: member.personId }).map((s) => [
          s.labels.engineer,
          s.value,
        ]),
      ).toEqual([[member.name, 1]]);
    }
    // Real numbers, not zeros: someone works, someone carried the pager this month.
    expect(report.members.some((m) => m.accounting.toilShare > 0)).toBe(true);
    expect(series(samples, "toilcap_on_call_share_ratio", {}).some((s) => s.value > 0)).toBe(true);
    // Names live only in info metrics (a rename starts no new series), and survive the exposition's escaping.
    expect(series(samples, "toilcap_engineer_info", { engineer: "Sofía Herrera" })).toHaveLength(1);
    expect(
      samples.filter(
        (s) => !s.name.endsWith("_info") && ("engineer" in s.labels || "team" in s.labels || "integration" in s.labels),
      ),
    ).toEqual([]);

    const teamLabels = { team_id: teams.platform };
    expect(series(samples, "toilcap_team_info", teamLabels).map((s) => [s.labels.team, s.value])).toEqual([
      ["Platform SRE", 1],
    ]);
    expect(series(samples, "toilcap_toil_cap_ratio", teamLabels).map((s) => s.value)).toEqual([0.5]);
    expect(series(samples, "toilcap_on_call_cap_ratio", teamLabels).map((s) => s.value)).toEqual([0.25]);
    expect(series(samples, "toilcap_team_toil_share_ratio", teamLabels).map((s) => s.value)).toEqual([
      report.totals.accounting.toilShare,
    ]);
    expect(series(samples, "toilcap_team_members_over_toil_cap", teamLabels).map((s) => s.value)).toEqual([
      report.totals.membersOverToilCap,
    ]);
  });

  test("interrupt counts equal the database's, by source and kind, and by capture status", async () => {
    const { samples } = parseExposition(await (await scrape(`Bearer ${people.maria.secret}`)).text());
    const [pages] = await database.db
      .select({ n: count() })
      .from(interrupt)
      .where(
        and(eq(interrupt.teamId, teams.platform), eq(interrupt.source, "alertmanager"), eq(interrupt.kind, "page")),
      );
    expect(pages?.n ?? 0).toBeGreaterThan(0);
    expect(
      series(samples, "toilcap_interrupts_recorded_total", {
        team_id: teams.platform,
        source: "alertmanager",
        kind: "page",
      }).map((s) => s.value),
    ).toEqual([pages?.n]);
    const captured = await database.db
      .select({ status: interrupt.captureStatus, n: count() })
      .from(interrupt)
      .where(
        and(
          eq(interrupt.teamId, teams.platform),
          eq(interrupt.source, "alertmanager"),
          eq(interrupt.kind, "page"),
          isNull(interrupt.deletedAt),
        ),
      )
      .groupBy(interrupt.captureStatus);
    for (const { status, n } of captured) {
      if (status === null) continue;
      expect(
        series(samples, "toilcap_captured_interrupts", {
          team_id: teams.platform,
          source: "alertmanager",
          kind: "page",
          capture_status: status,
        }).map((s) => s.value),
      ).toEqual([n]);
    }
  });

  test("webhook requests by integration and outcome, only of the teams the token's owner may scrape", async () => {
    const ticket = {
      id: "OPS-77",
      opened: "2025-05-06T09:00:00Z",
      assigneeEmail: "erik@northwind.example",
      summary: "Quota request",
    };
    const platformHook = await createIntegration(
      database.db,
      people.admin.viewer,
      { teamId: teams.platform, kind: "ticket-webhook", name: "Jira ops" },
      NOW,
    );
    const dataHook = await createIntegration(
      database.db,
      people.admin.viewer,
      { teamId: teams.data, kind: "ticket-webhook", name: "Data tickets" },
      NOW,
    );
    expect((await deliverTicket(platformHook.secret, ticket)).status).toBe(201);
    expect((await deliverTicket(platformHook.secret, ticket)).status).toBe(200);
    expect((await deliverTicket(platformHook.secret, { ...ticket, opened: "yesterday" })).status).toBe(400);
    expect((await deliverTicket(dataHook.secret, ticket)).status).toBe(201);

    const { samples, types } = parseExposition(await (await scrape(`Bearer ${people.maria.secret}`)).text());
    expect(types.get("toilcap_webhook_requests_total")).toBe("counter");
    const mine = series(samples, "toilcap_webhook_requests_total", { integration_id: platformHook.integration.id });
    // Every outcome has a series from the start, zero until it happens.
    expect(mine.map((s) => [s.labels.outcome, s.value]).sort()).toEqual([
      ["accepted", 1],
      ["duplicate", 1],
      ["failed", 0],
      ["rejected", 1],
    ]);
    expect(mine[0]?.labels).toEqual({
      team_id: teams.platform,
      integration_id: platformHook.integration.id,
      outcome: expect.any(String),
    });
    expect(
      series(samples, "toilcap_integration_info", { integration_id: platformHook.integration.id }).map((s) => s.labels),
    ).toEqual([
      {
        team_id: teams.platform,
        integration_id: platformHook.integration.id,
        integration: "Jira ops",
        kind: "ticket-webhook",
      },
    ]);
    // Every series of her scrape is her team's, and equals the database's count.
    const webhookSeries = series(samples, "toilcap_webhook_requests_total", {});
    expect(new Set(webhookSeries.map((s) => s.labels.team_id))).toEqual(new Set([teams.platform]));
    const stored = await database.db.select().from(webhookRequestCount);
    for (const sample of webhookSeries) {
      const row = stored.find(
        (r) => r.integrationId === sample.labels.integration_id && r.outcome === sample.labels.outcome,
      );
      expect(sample.value).toBe(row?.count ?? 0);
    }

    const everything = parseExposition(await (await scrape(`Bearer ${people.admin.secret}`)).text()).samples;
    expect(
      series(everything, "toilcap_webhook_requests_total", {
        integration_id: dataHook.integration.id,
        outcome: "accepted",
      }).map((s) => [s.labels.team_id, s.value]),
    ).toEqual([[teams.data, 1]]);
  });

  test("alerts an Alertmanager notification named but did not store are counted by reason, from zero", async () => {
    const [primary] = await database.db.select().from(rotation).where(eq(rotation.teamId, teams.platform));
    if (!primary) throw new Error("no Platform rotation");
    const hook = await createIntegration(
      database.db,
      people.admin.viewer,
      { teamId: teams.platform, kind: "alertmanager", name: "Prometheus eu", rotationId: primary.id },
      NOW,
    );
    const dropped = async () =>
      series(
        parseExposition(await (await scrape(`Bearer ${people.maria.secret}`)).text()).samples,
        "toilcap_webhook_dropped_alerts_total",
        {
          integration_id: hook.integration.id,
        },
      )
        .map((s) => [s.labels.reason, s.value])
        .sort();
    expect(await dropped()).toEqual([
      ["invalid", 0],
      ["oversize", 0],
      ["truncated", 0],
    ]);
    const alert = { ...PAYMENTS_5XX, fingerprint: "9e00000000000001", startsAt: "2025-05-07T10:00:00Z" };
    const answer = await deliver(hook.secret, { ...notification([alert]), truncatedAlerts: 2 });
    expect(answer).toMatchObject({ status: 200, body: { created: 1, dropped: { truncated: 2 } } });
    expect(await dropped()).toEqual([
      ["invalid", 0],
      ["oversize", 0],
      ["truncated", 2],
    ]);
    const listed = await (await import("@/server/services/integrations/list-integrations")).listIntegrations(
      database.db,
      teams.platform,
    );
    expect(listed.find((item) => item.id === hook.integration.id)?.droppedAlerts).toMatchObject({
      truncated: 2,
      oversize: 0,
      invalid: 0,
    });
  });

  test.skipIf(!PROMTOOL)("promtool check metrics finds nothing to say about an admin's scrape", async () => {
    const text = await (await scrape(`Bearer ${people.admin.secret}`)).text();
    const output = execFileSync(PROMTOOL ?? "promtool", ["check", "metrics"], { input: text, encoding: "utf8" });
    expect(output.trim()).toBe("");
  });

  test("an admin scrapes every team of the organisation", async () => {
    const response = await scrape(`Bearer ${people.admin.secret}`);
    expect(response.status).toBe(200);
    const { samples } = parseExposition(await response.text());
    const dataReport = await teamToil(database.db, people.admin.viewer, { teamId: teams.data, period: "month" }, NOW);
    expect(new Set(series(samples, "toilcap_team_info", {}).map((s) => s.labels.team))).toEqual(
      new Set(["Platform SRE", "Data Platform"]),
    );
    expect(new Set(series(samples, "toilcap_toil_cap_ratio", {}).map((s) => s.labels.team_id))).toEqual(
      new Set([teams.platform, teams.data]),
    );
    for (const member of dataReport.members) {
      expect(
        series(samples, "toilcap_toil_share_ratio", { team_id: teams.data, engineer_id: member.personId }).map(
          (s) => s.value,
        ),
      ).toEqual([member.accounting.toilShare]);
    }
  });
});
