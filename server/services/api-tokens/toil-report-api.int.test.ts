/**
 * The read-only JSON API (app/api/v1/reports/toil/route.ts), called through its exported handler with a real
 * Request. It lives here, beside the bearer check it is built on, because the test projects cover server/ only.
 */
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { eq } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Database } from "@/db/client";
import { apiToken, person, team } from "@/db/schema";
import { GET } from "@/app/api/v1/reports/toil/route";
import { loadViewerByPersonId } from "@/server/auth/viewer";
import type { Viewer } from "@/server/auth/permissions";
import { useDatabase } from "@/server/db/runtime";
import type { Accounting } from "@/server/domain/accounting";
import { seedDemo } from "@/server/services/demo/seed-demo";
import { teamToil } from "@/server/services/reports/team-toil";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { createToken } from "./create-token";
import { revokeToken } from "./revoke-token";

const NOW = new Date("2025-05-07T15:00:00Z");
const BERLIN = "Europe/Berlin";
const FROM = "2025-02-17T00:00:00+01:00";
const TO = "2025-05-05T00:00:00+02:00";

let database: Database;
let teams: { platform: string; data: string };
let people: Record<"maria" | "erik" | "admin" | "wei", { id: string; viewer: Viewer; secret: string; tokenId: string }>;

async function holder(email: string) {
  const [row] = await database.db.select().from(person).where(eq(person.email, email));
  const viewer = row ? await loadViewerByPersonId(database.db, row.id) : null;
  if (!row || !viewer) throw new Error(`no demo person ${email}`);
  const { token, secret } = await createToken(
    database.db,
    { personId: row.id },
    { name: "api test" },
    { now: NOW, actorPersonId: row.id },
  );
  return { id: row.id, viewer, secret, tokenId: token.id };
}

function call(query: string, secret?: string, authorization?: string): Promise<Response> {
  const headers = new Headers();
  if (authorization !== undefined) headers.set("authorization", authorization);
  else if (secret !== undefined) headers.set("authorization", `Bearer ${secret}`);
  return GET(new Request(`http://toilcap.test/api/v1/reports/toil?${query}`, { headers }));
}

const query = (teamId: string, from = FROM, to = TO) => new URLSearchParams({ team: teamId, from, to }).toString();

interface Figures {
  hours: Record<"scheduled" | "duty" | "onCallDuty" | "logged" | "afterHours" | "operational" | "worked", number>;
  toilShare: number;
  onCallShare: number;
}
interface ToilBody {
  team: { id: string; name: string };
  period: { from: string; to: string; countedUntil: string };
  caps: { toilShare: number; onCallShare: number };
  engineers: Array<
    Figures & { personId: string; name: string; timeZone: string; overToilCap: boolean; overOnCallCap: boolean }
  >;
  hiddenEngineers: number;
  totals: Figures;
}
interface ErrorBody {
  error: { status: number; code: string; message: string; parameter?: string };
}

/** What the API must say for one accounting: the same minutes, in hours, and the same shares. */
function expected(accounting: Accounting): Figures {
  const h = (minutes: number) => minutes / 60;
  return {
    hours: {
      scheduled: h(accounting.scheduled),
      duty: h(accounting.duty),
      onCallDuty: h(accounting.onCallDuty),
      logged: h(accounting.logged),
      afterHours: h(accounting.afterHours),
      operational: h(accounting.operational),
      worked: h(accounting.worked),
    },
    toilShare: accounting.toilShare,
    onCallShare: accounting.onCallShare,
  };
}

async function refusal(response: Response): Promise<{ status: number; parameter?: string; code: string }> {
  const body = (await response.json()) as ErrorBody;
  expect(body.error.message.length).toBeGreaterThan(0);
  return {
    status: response.status,
    code: body.error.code,
    ...(body.error.parameter ? { parameter: body.error.parameter } : {}),
  };
}

beforeAll(async () => {
  // The handler reads the clock; the demo's twelve weeks end at NOW.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
  database = await createTestDatabase();
  useDatabase(database);
  const seeded = await seedDemo(database.db, { now: NOW });
  const [data] = await database.db.select().from(team).where(eq(team.name, "Data Platform"));
  teams = { platform: seeded.teamId, data: data?.id ?? "" };
  people = {
    maria: await holder("maria@northwind.example"),
    erik: await holder("erik@northwind.example"),
    admin: await holder("admin@northwind.example"),
    wei: await holder("wei@northwind.example"),
  };
});
afterAll(async () => {
  vi.useRealTimers();
  await database?.close();
});

describe(`GET /api/v1/reports/toil on ${testEngine}`, () => {
  test("a manager's token gets every engineer's numbers, equal to the team report's", async () => {
    const response = await call(query(teams.platform), people.maria.secret);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as ToilBody;
    const report = await teamToil(
      database.db,
      people.maria.viewer,
      { teamId: teams.platform, period: "custom", from: new Date(FROM), to: new Date(TO) },
      NOW,
    );
    expect(body.team).toEqual({ id: teams.platform, name: "Platform SRE", timeZone: "Europe/Berlin" });
    expect(body.period).toEqual({
      from: new Date(FROM).toISOString(),
      to: new Date(TO).toISOString(),
      countedUntil: new Date(TO).toISOString(),
    });
    expect(body.caps).toEqual({ toilShare: 0.5, onCallShare: 0.25 });
    expect(body.engineers).toHaveLength(10);
    expect(body.engineers).toEqual(
      report.members.map((m) => ({
        personId: m.personId,
        name: m.name,
        timeZone: m.timeZone,
        ...expected(m.accounting),
        overToilCap: m.toilCap.over,
        overOnCallCap: m.onCallCap.over,
      })),
    );
    expect(body.totals).toEqual(expected(report.totals.accounting));
    expect(body.hiddenEngineers).toBe(0);
    // Real numbers, not an empty report: someone was on call, someone is over the cap.
    expect(body.engineers.some((e) => e.hours.onCallDuty > 0)).toBe(true);
    expect(body.engineers.some((e) => e.overToilCap)).toBe(true);
    const [used] = await database.db.select().from(apiToken).where(eq(apiToken.id, people.maria.tokenId));
    expect(used?.lastUsedAt).toEqual(NOW);
  });

  test("plain dates are days on the token owner's wall clock", async () => {
    const response = await call(query(teams.platform, "2025-03-24", "2025-03-31"), people.maria.secret);
    const body = (await response.json()) as ToilBody;
    const from = DateTime.fromISO("2025-03-24", { zone: BERLIN }).toJSDate();
    const to = DateTime.fromISO("2025-03-31", { zone: BERLIN }).toJSDate();
    const report = await teamToil(
      database.db,
      people.maria.viewer,
      { teamId: teams.platform, period: "custom", from, to },
      NOW,
    );
    expect(body.period.from).toBe("2025-03-23T23:00:00.000Z");
    // The week of the change to summer time lasts 167 hours.
    expect(new Date(body.period.to).getTime() - new Date(body.period.from).getTime()).toBe(167 * 3_600_000);
    expect(body.totals).toEqual(expected(report.totals.accounting));
  });

  test("an engineer's token sees their own row and the team's totals", async () => {
    const mine = (await (await call(query(teams.platform), people.erik.secret)).json()) as ToilBody;
    const managers = (await (await call(query(teams.platform), people.maria.secret)).json()) as ToilBody;
    expect(mine.engineers.map((e) => e.personId)).toEqual([people.erik.id]);
    expect(mine.hiddenEngineers).toBe(9);
    expect(mine.engineers[0]).toEqual(managers.engineers.find((e) => e.personId === people.erik.id));
    expect(mine.totals).toEqual(managers.totals);
  });

  test("no token, a wrong one, or a revoked one is 401 with a Bearer challenge", async () => {
    const { secret } = await createToken(
      database.db,
      { personId: people.erik.id },
      { name: "soon revoked" },
      { now: NOW, actorPersonId: people.erik.id },
    );
    const tampered = `${secret.slice(0, -2)}${secret.endsWith("AA") ? "BB" : "AA"}`;
    const cases: Array<[Response, string]> = [
      [await call(query(teams.platform)), 'Bearer realm="toilcap"'],
      [await call(query(teams.platform), undefined, `Basic ${secret}`), 'Bearer realm="toilcap"'],
      [await call(query(teams.platform), tampered), 'Bearer realm="toilcap", error="invalid_token"'],
      [await call(query(teams.platform), "not-a-token"), 'Bearer realm="toilcap", error="invalid_token"'],
    ];
    expect((await call(query(teams.platform), secret)).status).toBe(200);
    await revokeToken(
      database.db,
      { personId: people.erik.id },
      { id: (await database.db.select().from(apiToken).where(eq(apiToken.name, "soon revoked")))[0]?.id ?? "" },
      NOW,
    );
    cases.push([await call(query(teams.platform), secret), 'Bearer realm="toilcap", error="invalid_token"']);
    for (const [response, challenge] of cases) {
      expect(await refusal(response)).toEqual({ status: 401, code: "unauthorized" });
      expect(response.headers.get("www-authenticate")).toBe(challenge);
    }
    // Authentication comes first: a bad parameter without a token is still 401.
    expect((await call("team=nope")).status).toBe(401);
  });

  test("another team is 403, for engineers and managers alike; an admin asking for no team gets 404", async () => {
    expect(await refusal(await call(query(teams.data), people.erik.secret))).toEqual({
      status: 403,
      code: "forbidden",
      parameter: "team",
    });
    expect(await refusal(await call(query(teams.data), people.maria.secret))).toEqual({
      status: 403,
      code: "forbidden",
      parameter: "team",
    });
    expect(await refusal(await call(query(teams.platform), people.wei.secret))).toEqual({
      status: 403,
      code: "forbidden",
      parameter: "team",
    });
    expect(await refusal(await call(query(crypto.randomUUID()), people.erik.secret))).toEqual({
      status: 403,
      code: "forbidden",
      parameter: "team",
    });
    expect(await refusal(await call(query(crypto.randomUUID()), people.admin.secret))).toEqual({
      status: 404,
      code: "not_found",
      parameter: "team",
    });
    expect((await call(query(teams.data), people.admin.secret)).status).toBe(200);
  });

  test("a bad parameter is 400 naming it, never a 500", async () => {
    const { secret } = people.maria;
    const t = teams.platform;
    const cases: Array<[string, string]> = [
      [`from=${FROM}&to=${TO}`, "team"],
      [`team=&from=${FROM}&to=${TO}`, "team"],
      [`team=platform&from=${FROM}&to=${TO}`, "team"],
      [`team=${t}&to=${TO}`, "from"],
      [`team=${t}&from=yesterday&to=${TO}`, "from"],
      [`team=${t}&from=2025-02-30&to=${TO}`, "from"],
      [`team=${t}&from=1999-01-01&to=${TO}`, "from"],
      [`team=${t}&from=${FROM}`, "to"],
      [`team=${t}&from=${FROM}&to=2025-13-01`, "to"],
      [`team=${t}&from=${TO}&to=${encodeURIComponent(FROM)}`, "to"],
      [`team=${t}&from=${FROM}&to=${FROM}`, "to"],
      [`team=${t}&from=2020-01-01&to=2025-01-01`, "to"],
      [`team=${t}&from=${FROM}&to=${TO}&period=week`, "period"],
      [`team=${t}&team=${t}&from=${FROM}&to=${TO}`, "team"],
      [`team=${t}&from=%00&to=${TO}`, "from"],
      [`team=${t}&from=${"9".repeat(400)}&to=${TO}`, "from"],
    ];
    for (const [search, parameter] of cases) {
      expect(await refusal(await call(search.replaceAll("+", "%2B"), secret)), search).toEqual({
        status: 400,
        code: "bad_parameter",
        parameter,
      });
    }
  });
});
