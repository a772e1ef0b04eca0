import { expect, test } from "vitest";
import { BREACH_SWEEP_LOCK_KEY, type LockSession, postgresLockSession, whileHoldingLock } from "./advisory-lock";

// PostgreSQL alone: PGlite is one process, so there is never a second server to skip its turn.
function openSession(): Promise<LockSession> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("the postgres-only project needs TEST_DATABASE_URL");
  return postgresLockSession(url);
}

test("while one server sweeps, another skips its turn", async () => {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let started: () => void = () => {};
  const holding = new Promise<void>((resolve) => {
    started = resolve;
  });
  const first = whileHoldingLock(await openSession(), BREACH_SWEEP_LOCK_KEY, async () => {
    started();
    await held;
    return "first";
  });
  await holding;
  expect(await whileHoldingLock(await openSession(), BREACH_SWEEP_LOCK_KEY, async () => "second")).toEqual({
    ran: false,
  });
  release();
  expect(await first).toEqual({ ran: true, result: "first" });
  expect(await whileHoldingLock(await openSession(), BREACH_SWEEP_LOCK_KEY, async () => "third")).toEqual({
    ran: true,
    result: "third",
  });
});
