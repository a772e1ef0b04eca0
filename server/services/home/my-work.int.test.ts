import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import type { Database, Db } from "@/db/client";
import { person } from "@/db/schema";
import { rolesIn, type Viewer } from "@/server/auth/permissions";
import { loadViewerByPersonId } from "@/server/auth/viewer";
import { contextFor } from "@/server/testing/fixtures";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { createCaller } from "@/server/trpc/root";
import { emailOf } from "../demo/roster";
import { seedDemo } from "../demo/seed-demo";
import { NEXT_SHIFTS_LIMIT, RECENT_LIMIT } from "./my-work";

// A Wednesday afternoon of the demo's twelve weeks, as in the demo's own tests.
const NOW = new Date("2025-05-07T15:00:00Z");

let database: Database;
let platformTeamId: string;
beforeAll(async () => {
  database = await createTestDatabase();
  platformTeamId = (await seedDemo(database.db, { now: NOW })).teamId;
});
afterAll(async () => database?.close());

async function demoViewer(db: Db, key: string): Promise<Viewer> {
  const [row] = await db
    .select({ id: person.id })
    .from(person)
    .where(eq(person.email, emailOf(key)));
  const viewer = row ? await loadViewerByPersonId(db, row.id) : null;
  if (!viewer) throw new Error(`no demo viewer ${key}`);
  return viewer;
}

/** What My work asked for, procedure by procedure, before home.myWork answered it in one call. */
async function sectionsOneByOne(caller: ReturnType<typeof createCaller>, viewer: Viewer, teamId: string | null) {
  const roles = teamId ? rolesIn(viewer, teamId) : [];
  const member = teamId && roles.length > 0 ? teamId : null;
  const holds = (...wanted: string[]) => roles.some((role) => wanted.includes(role));
  return {
    teamId: member,
    entries: await caller.workLog.recent({ limit: RECENT_LIMIT }),
    share: member && holds("engineer") ? await caller.share.mine({ period: "week" }) : null,
    duty: member
      ? {
          onCall: await caller.rotations.onCallNow({ teamId: member }),
          nextShifts: await caller.rotations.myNextShifts({ limit: NEXT_SHIFTS_LIMIT }),
          swaps: await caller.rotations.listSwaps({ teamId: member }),
        }
      : null,
    captured: await caller.capture.inbox(),
    joinRequests: await caller.invitations.mine(),
    standing: member && holds("manager") ? await caller.home.teamStanding({ teamId: member }) : null,
    outlook: member && holds("planner") ? await caller.home.coverageOutlook({ teamId: member }) : null,
    org: viewer.isAdmin ? await caller.reports.orgSummary({ period: "month" }) : null,
    overloads: member && holds("planner", "manager") ? await caller.rotations.overloadFlags({ teamId: member }) : null,
  };
}

describe(`My work in one call (home.myWork) on the demo, on ${testEngine}`, () => {
  // The engineer, the manager, the engineer and planner, the administrator outside every team.
  test.each(["erik", "maria", "priya", "admin"])(
    "gives %s what each section's own procedure gives, number for number",
    async (key) => {
      const { db } = database;
      const viewer = await demoViewer(db, key);
      const caller = createCaller(contextFor(db, viewer, () => NOW));
      const teamId = viewer.isAdmin ? platformTeamId : (viewer.memberships[0]?.teamId ?? null);
      const home = await caller.home.myWork({ teamId });
      expect(home).toEqual(await sectionsOneByOne(caller, viewer, teamId));
      // Each role's part is there (the comparison alone would also pass on two empty answers).
      if (key === "erik") expect(home.share?.accounting).toBeDefined();
      if (key === "erik") expect(home.duty?.onCall.length).toBeGreaterThan(0);
      if (key === "maria") expect(home.standing?.engineers).toBeGreaterThan(0);
      if (key === "priya") expect(home.outlook?.rotations).toBeGreaterThan(0);
      if (key === "admin") expect(home.org).not.toBeNull();
      expect(home.entries.length > 0 || key === "maria" || key === "admin").toBe(true);
    },
  );

  test("shows nothing of a team the viewer holds no role in: an engineer of another team, or an admin", async () => {
    const { db } = database;
    for (const key of ["wei", "admin"]) {
      const viewer = await demoViewer(db, key);
      expect(viewer.memberships.some((m) => m.teamId === platformTeamId)).toBe(false);
      const home = await createCaller(contextFor(db, viewer, () => NOW)).home.myWork({ teamId: platformTeamId });
      expect(home).toMatchObject({
        teamId: null,
        share: null,
        duty: null,
        standing: null,
        outlook: null,
        overloads: null,
      });
    }
  });

  test("refuses a team id that is not one, and callers who are not signed in", async () => {
    const { db } = database;
    const viewer = await demoViewer(db, "erik");
    const caller = createCaller(contextFor(db, viewer, () => NOW));
    await expect(caller.home.myWork({ teamId: "platform" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      createCaller(contextFor(db, null, () => NOW)).home.myWork({ teamId: platformTeamId }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
