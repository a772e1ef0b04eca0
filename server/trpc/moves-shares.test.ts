import { describe, expect, test } from "vitest";
import type { AnyProcedure } from "@trpc/server";
import { type MovesShares, shareChangeOf } from "./moves-shares";
import { appRouter } from "./root";

/**
 * Every mutation, classified: whose shares it moves (so the cap-breach check must follow it), or `null` for one
 * that moves nobody's. A new mutation fails here until it is placed, and a share-moving one whose procedure
 * lacks `.meta({ movesShares })` fails too, so the breach check cannot be forgotten.
 */
const MUTATIONS: Record<string, MovesShares | null> = {
  "workLog.create": "caller",
  "workLog.update": "caller",
  "workLog.remove": "caller",
  "workLog.restore": "caller",
  "timer.start": null,
  "timer.stop": "caller",
  "timer.discard": null,
  "templates.create": null,
  "templates.createFromEntry": null,
  "templates.logFromTemplate": "caller",
  "templates.remove": null,
  "interrupts.create": null,
  "interrupts.logTime": "caller",
  "capture.confirm": "entry-owner",
  "capture.dismiss": null,
  "capture.restore": null,
  // The zone, work pattern and absences make up the scheduled time every share divides by.
  "profile.update": "caller",
  "profile.addAbsence": "caller",
  "profile.removeAbsence": "caller",
  "profile.restoreAbsence": "caller",
  "rotations.create": "team",
  "rotations.update": "team",
  "rotations.remove": "team",
  "rotations.restore": "team",
  "rotations.addOverride": "team",
  "rotations.addOverrides": "team",
  "rotations.removeOverride": "team",
  "rotations.restoreOverride": "team",
  "rotations.requestSwap": null,
  "rotations.respondSwap": "team",
  "rotations.resetCalendarLink": null,
  "teams.create": null,
  "teams.invite": null,
  "teams.revokeInvitation": null,
  "teams.reissueInvitation": null,
  "teams.removeMember": "team",
  "teams.restoreMember": "team",
  // Someone's shares count against the caps of every team they are an engineer in.
  "teams.setRoles": "team",
  "teams.updateCaps": null,
  "teams.updateOverloadThresholds": null,
  // The team's zone decides which month a breach falls in.
  "teams.updateTimeZone": "team",
  // Joining a team as an engineer starts a membership (its join date) whose cap the joiner's shares now meet.
  "invitations.respond": "caller",
  "passwordReset.use": null,
  "access.deactivate": null,
  "access.reactivate": null,
  "access.issuePasswordReset": null,
  "apiTokens.create": null,
  "apiTokens.revoke": null,
  // An import replaces everything at once; the sweep checks it.
  "workspace.export": null,
  "workspace.import": null,
  "reports.saveEstimate": null,
  "reports.removeEstimate": null,
  "integrations.create": null,
  "integrations.revoke": null,
  "integrations.linkUser": null,
  "integrations.removeUserLink": null,
  "integrations.restoreUserLink": null,
  "integrations.setSigningSecret": null,
  // Imported tickets are interrupts, not time: their time is logged (and checked) when confirmed.
  "tickets.preview": null,
  "tickets.commit": null,
  "review.save": null,
  "review.silence": null,
  "review.liftSilence": null,
  "review.restoreSilence": null,
  "handoffs.save": null,
  "handoffs.remove": null,
  "handoffs.restore": null,
  "breaches.acknowledge": null,
  "breaches.setWebhook": null,
  "breaches.rotateWebhookSecret": null,
  "breaches.testWebhook": null,
};

/** What the procedure declares in `.meta({ movesShares })`, or null. */
function declaredOf(procedure: AnyProcedure): unknown {
  const meta: unknown = procedure._def.meta;
  return typeof meta === "object" && meta !== null ? (Reflect.get(meta, "movesShares") ?? null) : null;
}

const isProcedure = (value: unknown): value is AnyProcedure => typeof value === "function" && "_def" in value;

// At run time the root router keeps its procedures flat, by dotted path.
const procedures = Object.entries(appRouter._def.procedures).flatMap(([path, procedure]: [string, unknown]) =>
  isProcedure(procedure) ? [{ path, type: procedure._def.type, declared: declaredOf(procedure) }] : [],
);
const mutations = procedures.filter((p) => p.type === "mutation");

describe("share-moving mutations", () => {
  test.each(mutations)("$path declares whose shares it moves, as the table says", (m) => {
    expect(m.path in MUTATIONS, `place ${m.path} in the table`).toBe(true);
    expect(m.declared).toBe(MUTATIONS[m.path]);
  });

  test("every listed path is a mutation of the root router", () => {
    const paths = new Set(mutations.map((m) => m.path));
    expect(Object.keys(MUTATIONS).filter((path) => !paths.has(path))).toEqual([]);
  });

  test("queries never declare it", () => {
    const queries = procedures.filter((p) => p.type !== "mutation" && p.declared !== null);
    expect(queries.map((p) => p.path)).toEqual([]);
  });
});

describe("shareChangeOf", () => {
  const teamId = "7f0c8e9a-3b1d-4c2e-9f4a-5b6c7d8e9f01";
  test.each([
    { moves: "caller", input: { teamId }, result: null, change: { personIds: ["p-caller"] } },
    { moves: "team", input: { teamId, extra: 1 }, result: null, change: { teamId } },
    { moves: "entry-owner", input: {}, result: { entry: { personId: "p-owner" } }, change: { personIds: ["p-owner"] } },
  ] as const)("$moves", ({ moves, input, result, change }) => {
    expect(shareChangeOf(moves, "p-caller", input, result)).toEqual(change);
  });

  test.each([
    { moves: "caller", callerId: null, input: {}, result: null },
    { moves: "team", callerId: "p", input: { teamId: "not-a-team" }, result: null },
    { moves: "entry-owner", callerId: "p", input: {}, result: { id: "no entry" } },
  ] as const)("$moves throws when whose shares moved cannot be told", ({ moves, callerId, input, result }) => {
    expect(() => shareChangeOf(moves, callerId, input, result)).toThrow();
  });
});
