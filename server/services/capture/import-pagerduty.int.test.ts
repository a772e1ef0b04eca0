/**
 * PagerDuty's incident export in its real column layout (people by user id and name, several comma-separated,
 * never by email) through tickets.preview and tickets.commit, on a real database.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { externalUserLink, interrupt } from "@/db/schema";
import { at, callerAt, makeRotationTeam, weeklyDraft } from "@/server/testing/rotation-fixtures";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";

const NOW = new Date("2026-03-20T12:00:00Z");
const EXPORT = fs.readFileSync(
  path.join(__dirname, "../../integrations/tickets/fixtures/pagerduty-incidents.csv"),
  "utf8",
);

let database: Database;
let fx: Awaited<ReturnType<typeof makeRotationTeam>>;
let rotationId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  fx = await makeRotationTeam(database.db);
  const planner = await callerAt(database.db, fx.planner.id, at("2026-03-01T12:00"));
  rotationId = (await planner.rotations.create({ teamId: fx.team.id, ...weeklyDraft(fx.engineers.map((e) => e.id)) }))
    .id;
});
afterAll(async () => database?.close());

const engineer = (index: number) => {
  const person = fx.engineers[index];
  if (!person) throw new Error(`no engineer ${index}`);
  return person;
};

describe(`PagerDuty's incident export on ${testEngine}`, () => {
  test("without a fallback rotation: the preview names each row's credit and warns about the one nobody gets", async () => {
    const planner = await callerAt(database.db, fx.planner.id, NOW);
    const preview = await planner.tickets.preview({ teamId: fx.team.id, csv: EXPORT });
    expect(preview).toMatchObject({
      format: "pagerduty",
      kind: "page",
      isIncident: true,
      counts: { new: 4, invalid: 0 },
    });
    expect(
      preview.rows.map((row) =>
        row.status === "invalid"
          ? row.errors
          : [row.externalId, row.credit, row.creditedAs, row.assignee?.name ?? null],
      ),
    ).toEqual([
      ["Q0RIJJZL24RC6W", "name", "Ana Ruiz (assignee)", "Ana Ruiz"],
      ["Q1VZ8KX3MNB0QA", "name", "Ben Okafor (assignee)", "Ben Okafor"],
      ["Q2KD0WZ1LLP7TB", "nobody", null, null],
      ["Q3NC7QH5RRT2ZD", "nobody", null, null],
    ]);
    expect(preview.warnings).toEqual([expect.stringMatching(/^2 rows are credited to nobody.*choose a rotation/)]);
  });

  test("with the rotation as fallback every incident is credited, stored as an incident, and the name matches are remembered", async () => {
    const planner = await callerAt(database.db, fx.planner.id, NOW);
    const preview = await planner.tickets.preview({ teamId: fx.team.id, csv: EXPORT, rotationId });
    expect(preview.warnings).toEqual([]);
    // 5 March 10:30 and 10 March 22:40 Berlin: Erik's first week, then Ana's.
    expect(preview.rows.map((row) => (row.status === "invalid" ? null : [row.credit, row.assignee?.name]))).toEqual([
      ["name", "Ana Ruiz"],
      ["name", "Ben Okafor"],
      ["on-call", "Erik Lindqvist"],
      ["on-call", "Ana Ruiz"],
    ]);
    expect(await planner.tickets.commit({ teamId: fx.team.id, csv: EXPORT, rotationId })).toEqual({
      format: "pagerduty",
      created: 4,
      updated: 0,
      skipped: 0,
    });
    const rows = await database.db
      .select()
      .from(interrupt)
      .where(and(eq(interrupt.teamId, fx.team.id), eq(interrupt.source, "pagerduty")))
      .orderBy(asc(interrupt.openedAt));
    expect(rows.map((row) => [row.externalId, row.kind, row.isIncident, row.assigneeId, row.captureStatus])).toEqual([
      ["Q0RIJJZL24RC6W", "page", true, engineer(1).id, "captured"],
      ["Q1VZ8KX3MNB0QA", "page", true, engineer(2).id, "captured"],
      ["Q2KD0WZ1LLP7TB", "page", true, engineer(0).id, "captured"],
      ["Q3NC7QH5RRT2ZD", "page", true, engineer(1).id, "captured"],
    ]);
    const links = await database.db
      .select()
      .from(externalUserLink)
      .where(eq(externalUserLink.teamId, fx.team.id))
      .orderBy(asc(externalUserLink.externalUserId));
    expect(links.map((link) => [link.system, link.externalUserId, link.personId])).toEqual([
      ["pagerduty", "PT3BEN1", engineer(2).id],
      ["pagerduty", "PXPGF42", engineer(1).id],
    ]);
    // The next import credits by the remembered link.
    const again = await planner.tickets.preview({ teamId: fx.team.id, csv: EXPORT });
    expect(again.rows.slice(0, 2).map((row) => (row.status === "invalid" ? null : [row.status, row.credit]))).toEqual([
      ["duplicate", "link"],
      ["duplicate", "link"],
    ]);
  });

  test("a file naming nobody at all says so", async () => {
    const planner = await callerAt(database.db, fx.planner.id, NOW);
    const bare = [
      "id,incident_number,description,service_name,created_on,resolved_on,urgency",
      "QBARE1,1300,Disk full,db,2026-03-06T10:00:00Z,,high",
    ].join("\n");
    const preview = await planner.tickets.preview({ teamId: fx.team.id, csv: bare });
    expect(preview.warnings).toEqual([
      expect.stringMatching(/^No column of this file names who worked a row/),
      expect.stringMatching(/^1 row is credited to nobody/),
    ]);
  });
});
