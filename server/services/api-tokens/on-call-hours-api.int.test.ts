/**
 * The JSON API's on-call hours (app/api/v1/reports/on-call-hours/route.ts), called through its exported handler
 * with a real Request and a personal token, against the same service the page uses.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { GET } from "@/app/api/v1/reports/on-call-hours/route";
import type { Database } from "@/db/client";
import { person } from "@/db/schema";
import { loadViewerByPersonId } from "@/server/auth/viewer";
import { useDatabase } from "@/server/db/runtime";
import { seedDemo } from "@/server/services/demo/seed-demo";
import { onCallHoursReport } from "@/server/services/reports/on-call-hours";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { createToken } from "./create-token";

const NOW = new Date("2025-05-07T15:00:00Z");
const FROM = "2025-03-01T00:00:00+01:00";
const TO = "2025-05-01T00:00:00+02:00";

let database: Database;
let teamId: string;

async function tokenOf(email: string) {
  const [row] = await database.db.select().from(person).where(eq(person.email, email));
  const viewer = row ? await loadViewerByPersonId(database.db, row.id) : null;
  if (!row || !viewer) throw new Error(`no demo person ${email}`);
  const { secret } = await createToken(
    database.db,
    { personId: row.id },
    { name: "api test" },
    { now: NOW, actorPersonId: row.id },
  );
  return { viewer, secret };
}

function call(query: Record<string, string>, secret: string): Promise<Response> {
  const headers = new Headers({ authorization: `Bearer ${secret}` });
  return GET(
    new Request(`http://toilcap.test/api/v1/reports/on-call-hours?${new URLSearchParams(query).toString()}`, {
      headers,
    }),
  );
}

interface HoursBody {
  people: Array<{
    name: string;
    dutyHours: number;
    hoursByBand: Record<string, number>;
    hoursByRole: Record<string, number>;
    shortRests: unknown[];
  }>;
  hiddenPeople: number;
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
  database = await createTestDatabase();
  useDatabase(database);
  teamId = (await seedDemo(database.db, { now: NOW })).teamId;
});
afterAll(async () => {
  vi.useRealTimers();
  await database?.close();
});

describe(`GET /api/v1/reports/on-call-hours on ${testEngine}`, () => {
  test("a manager's token gets everyone's hours, equal to the report page's", async () => {
    const maria = await tokenOf("maria@northwind.example");
    const response = await call({ team: teamId, from: FROM, to: TO }, maria.secret);
    expect(response.status).toBe(200);
    const body = (await response.json()) as HoursBody;
    const report = await onCallHoursReport(
      database.db,
      maria.viewer,
      { teamId, period: "custom", from: new Date(FROM), to: new Date(TO) },
      NOW,
    );
    expect(body.hiddenPeople).toBe(0);
    expect(
      body.people.map((p) => ({
        name: p.name,
        duty: p.dutyHours,
        bands: p.hoursByBand,
        roles: p.hoursByRole,
        rests: p.shortRests.length,
      })),
    ).toEqual(
      report.people.map((p) => ({
        name: p.name,
        duty: p.dutyHours,
        bands: p.byBand,
        roles: p.byRole,
        rests: p.restFlags.length,
      })),
    );
    expect(body.people.some((p) => p.dutyHours > 0)).toBe(true);
  });

  test("an engineer's token gets their own row only", async () => {
    const erik = await tokenOf("erik@northwind.example");
    const body = (await (await call({ team: teamId, from: FROM, to: TO }, erik.secret)).json()) as HoursBody;
    expect(body.people.map((p) => p.name)).toEqual(["Erik Lindqvist"]);
    expect(body.hiddenPeople).toBeGreaterThan(0);
  });

  test("a bad parameter is a 400 naming it", async () => {
    const maria = await tokenOf("maria@northwind.example");
    const response = await call({ team: teamId, from: "yesterday", to: TO }, maria.secret);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { parameter: string } }).error.parameter).toBe("from");
  });
});
