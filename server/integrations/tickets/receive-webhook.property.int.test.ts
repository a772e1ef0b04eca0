import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import fc from "fast-check";
import type { Database } from "@/db/client";
import { useDatabase } from "@/server/db/runtime";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { deliverTicket, makeTicketTeam, requestCounts, webhookTickets } from "@/server/testing/ticket-delivery";

const NOW = new Date("2026-03-20T12:00:00Z");
/** 4 March, in the first week of the ticket-duty rotation: Erik (engineer 0) holds it. */
const FIRST_OPENED = Date.parse("2026-03-04T08:00:00Z");
const MINUTE = 60_000;

let database: Database;
let fx: Awaited<ReturnType<typeof makeTicketTeam>>;
let run = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  fx = await makeTicketTeam(database.db);
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
});
afterAll(async () => {
  vi.useRealTimers();
  await database?.close();
});

/** Who a call names: nobody, someone outside the team, or one of two members. */
const ASSIGNEES = ["none", "stranger", "ana", "ben"] as const;
type Assignee = (typeof ASSIGNEES)[number];

/** One call of the ticket system: which ticket, resolved or not (and when), whom it names; now and then a malformed one. */
const call = fc.record({
  which: fc.integer({ min: 0, max: 2 }),
  resolvedAfter: fc.option(fc.integer({ min: 0, max: 600 }), { nil: null }),
  assignee: fc.constantFrom(...ASSIGNEES),
  malformed: fc.boolean().chain((b) => (b ? fc.boolean() : fc.constant(false))),
});
const scenario = fc.record({ onDuty: fc.boolean(), calls: fc.array(call, { minLength: 1, maxLength: 12 }) });

describe(`retries and updates of the ticket webhook on ${testEngine}`, () => {
  test("any sequence of calls stores each ticket once, with the first resolution and the first engineer credited", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ onDuty, calls }) => {
        run += 1;
        const hook = onDuty ? fx.onDuty : fx.byAssignee;
        const ana = fx.engineers[1];
        const ben = fx.engineers[2];
        const erik = fx.engineers[0];
        if (!ana || !ben || !erik) throw new Error("engineers missing");
        const emailOf: Record<Assignee, string | null> = {
          none: null,
          stranger: "someone@elsewhere.test",
          ana: ana.email,
          ben: ben.email,
        };
        // Members by email first; else the rotation's holder when the integration has one.
        const creditOf = (assignee: Assignee): string | null =>
          assignee === "ana" ? ana.id : assignee === "ben" ? ben.id : onDuty ? erik.id : null;
        const openedOf = (which: number) => new Date(FIRST_OPENED + which * 90 * MINUTE);
        const idOf = (which: number) => `R${run}-T${which}`;

        const model = new Map<string, { resolvedAt: Date | null; assigneeId: string | null }>();
        const before = await requestCounts(database.db, hook.integration.id);
        const expected = { accepted: 0, duplicate: 0, rejected: 0 };
        for (const { which, resolvedAfter, assignee, malformed } of calls) {
          const id = idOf(which);
          const opened = openedOf(which);
          const resolvedAt = resolvedAfter === null ? null : new Date(opened.getTime() + resolvedAfter * MINUTE);
          const body = {
            id,
            opened: opened.toISOString(),
            resolved: resolvedAt?.toISOString() ?? null,
            assigneeEmail: emailOf[assignee],
            summary: `Ticket ${which}`,
            severity: malformed ? "urgent" : "low",
          };
          const answer = await deliverTicket(hook.secret, body);
          if (malformed) {
            expect(answer.status).toBe(400);
            expected.rejected += 1;
            continue;
          }
          const stored = model.get(id);
          if (!stored) {
            model.set(id, { resolvedAt, assigneeId: creditOf(assignee) });
            expect(answer).toMatchObject({ status: 201, body: { outcome: "created" } });
            expected.accepted += 1;
            continue;
          }
          const changes: string[] = [];
          if (!stored.resolvedAt && resolvedAt) {
            stored.resolvedAt = resolvedAt;
            changes.push("resolved");
          }
          const credited = creditOf(assignee);
          if (!stored.assigneeId && credited) {
            stored.assigneeId = credited;
            changes.push("assignee");
          }
          expect(answer).toMatchObject({
            status: 200,
            body: { outcome: changes.length > 0 ? "updated" : "unchanged", changes },
          });
          if (changes.length > 0) expected.accepted += 1;
          else expected.duplicate += 1;
        }

        const rows = (await webhookTickets(database.db, fx.team.id)).filter((row) =>
          row.externalId?.startsWith(`R${run}-`),
        );
        expect(rows.map((row) => row.externalId).sort()).toEqual([...model.keys()].sort());
        for (const row of rows) {
          const want = model.get(row.externalId ?? "");
          expect({
            resolvedAt: row.resolvedAt,
            assigneeId: row.assigneeId,
            captureStatus: row.captureStatus,
            kind: row.kind,
          }).toEqual({
            resolvedAt: want?.resolvedAt ?? null,
            assigneeId: want?.assigneeId ?? null,
            captureStatus: want?.assigneeId ? "captured" : null,
            kind: "ticket",
          });
        }
        expect(await requestCounts(database.db, hook.integration.id)).toEqual({
          accepted: before.accepted + expected.accepted,
          duplicate: before.duplicate + expected.duplicate,
          rejected: before.rejected + expected.rejected,
          failed: before.failed,
        });
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
