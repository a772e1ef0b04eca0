import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/server/testing/test-db";
import { callerAs, contextFor, makeOrganisation, makePerson, makeTeam } from "@/server/testing/fixtures";
import { tokenOf } from "@/server/testing/sign-up-requests";
import { appRouter } from "./root";

/** Procedures anyone may call signed out. Adding a procedure here is a decision, not a default. */
// invitations.preview and passwordReset.* need a link's secret token: holding the link is the authorization.
const PUBLIC_PROCEDURES = new Set([
  "instance.status",
  "invitations.preview",
  "passwordReset.preview",
  "passwordReset.use",
  "viewer.current",
]);

let database: Database;
/** The input each public procedure is called with: real links' tokens for the previews and the reset. */
const publicInputs = new Map<string, unknown>();
beforeAll(async () => {
  database = await createTestDatabase();
  const organisation = await makeOrganisation(database.db);
  const admin = await makePerson(database.db, organisation.id, { isAdmin: true });
  const team = await makeTeam(database.db, organisation.id);
  const invited = await (await callerAs(database.db, admin.id)).teams.invite({
    teamId: team.id,
    name: "Invitee",
    email: "invitee@example.test",
    timeZone: "Europe/Berlin",
    roles: ["engineer"],
  });
  if (invited.outcome !== "link") throw new Error(`expected a link, got ${invited.outcome}`);
  publicInputs.set("invitations.preview", { token: tokenOf(invited.path) });
  const engineer = await makePerson(database.db, organisation.id, {
    teams: [{ teamId: team.id, roles: ["engineer"] }],
  });
  const resetPath = (await (await callerAs(database.db, admin.id)).access.issuePasswordReset({ personId: engineer.id }))
    .path;
  const resetToken = new URL(resetPath, "http://toilcap.test").searchParams.get("token") ?? "";
  publicInputs.set("passwordReset.preview", { token: resetToken });
  publicInputs.set("passwordReset.use", { token: resetToken, newPassword: "a long enough password" });
});
afterAll(async () => database?.close());

const procedurePaths = Object.keys(appRouter._def.procedures).sort();

describe("every procedure refuses anonymous callers unless listed as public", () => {
  test("the router has procedures to check", () => {
    expect(procedurePaths.length).toBeGreaterThan(5);
  });

  test.each(procedurePaths.filter((p) => !PUBLIC_PROCEDURES.has(p)))("%s -> UNAUTHORIZED", async (path) => {
    const caller = appRouter.createCaller(contextFor(database.db, null));
    const procedure = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
    if (typeof procedure !== "function") throw new Error(`${path} is not callable`);
    const outcome = await (procedure as (input: unknown) => Promise<unknown>)({}).then(
      () => "OK",
      (error: unknown) => (error instanceof TRPCError ? error.code : String(error)),
    );
    expect(outcome).toBe("UNAUTHORIZED");
  });

  test.each([...PUBLIC_PROCEDURES])("%s answers signed out", async (path) => {
    const caller = appRouter.createCaller(contextFor(database.db, null));
    const procedure = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
    await expect((procedure as (input: unknown) => Promise<unknown>)(publicInputs.get(path))).resolves.not.toThrow();
  });
});
