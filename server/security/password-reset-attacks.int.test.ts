import { afterAll, beforeAll, expect, test } from "vitest";
import type { Database } from "@/db/client";
import { POST as trpcPost } from "@/app/api/trpc/[trpc]/route";
import { serverNow } from "@/server/clock";
import { useDatabase } from "@/server/db/runtime";
import { firstAdmin, HOST, invitedEngineer, PASSWORD, signIn } from "@/server/testing/account-over-http";
import { callerAs } from "@/server/testing/fixtures";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";

/** A password-reset link attacked over HTTP, as a browser or a script would: reused, guessed, mangled. Never a 500. */
let database: Database;
let admin: Awaited<ReturnType<typeof firstAdmin>>;

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  admin = await firstAdmin(database.db);
}, 120_000);
afterAll(async () => database?.close());

function resetWith(token: unknown, newPassword: unknown): Promise<Response> {
  return trpcPost(
    new Request(`http://${HOST}/api/trpc/passwordReset.use`, {
      method: "POST",
      headers: { host: HOST, origin: `http://${HOST}`, "content-type": "application/json" },
      body: JSON.stringify({ json: { token, newPassword } }),
    }),
  );
}

async function messageOf(response: Response): Promise<string> {
  const body = (await response.json()) as { error?: { json?: { message?: string } } };
  return body.error?.json?.message ?? "";
}

test(`a used link cannot be used again, a guessed one opens nothing, and bad input is a 400, on ${testEngine}`, async () => {
  const erika = await invitedEngineer(database.db, admin, "Erika", "erika.attack@example.test");
  // Issued on the server's clock, which the HTTP route reads.
  const issued = await (await callerAs(database.db, admin.personId, serverNow)).access.issuePasswordReset({
    personId: erika.personId,
  });
  const token = new URL(issued.path, `http://${HOST}`).searchParams.get("token") ?? "";

  expect((await resetWith(token, "the owner's new password")).status).toBe(200);
  const reused = await resetWith(token, "the attacker's password");
  expect(reused.status).toBe(404);
  expect(await messageOf(reused)).toContain("already used");
  expect((await signIn(erika.email, "the attacker's password")).status).toBe(401);
  expect((await signIn(erika.email, "the owner's new password")).status).toBe(200);

  for (const guess of [
    "A".repeat(43),
    `${token.slice(0, 42)}${token.endsWith("A") ? "B" : "A"}`,
    token.toUpperCase(),
  ]) {
    const response = await resetWith(guess, "the attacker's password");
    expect(response.status).toBe(404);
    expect(await messageOf(response)).toContain("not valid");
  }
  for (const [badToken, badPassword] of [
    [{ $ne: null }, "long enough password"],
    ["x".repeat(5000), "long enough password"],
    [token, 12345678],
    ["A".repeat(43), "\u0000nul-byte-password"],
  ]) {
    expect((await resetWith(badToken, badPassword)).status).toBe(400);
  }
  expect((await signIn(erika.email, PASSWORD)).status).toBe(401);
});
