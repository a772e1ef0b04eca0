import { describe, expect, test } from "vitest";
import type { interrupt } from "@/db/schema";
import { captureOnce, fillOf } from "./captured-interrupt";

const at = (iso: string) => new Date(iso);
const OPENED = at("2026-03-04T10:00:00Z");
const stored = {
  deletedAt: null,
  resolvedAt: null,
  openedAt: OPENED,
  assigneeId: null,
  captureStatus: null,
} as const;
const creditTo = (personId: string | null) => async () => ({ personId });

describe("fillOf", () => {
  test("a resolution and an engineer the stored capture lacks are filled, and it waits in the inbox", async () => {
    const resolved = at("2026-03-04T10:30:00Z");
    const { set, credited } = await fillOf(stored, resolved, creditTo("p1"));
    expect(set).toEqual({ resolvedAt: resolved, assigneeId: "p1", captureStatus: "captured" });
    expect(credited).toEqual({ personId: "p1" });
  });

  test("a resolution before it opened (skewed clocks) is its opening", async () => {
    const { set } = await fillOf(stored, at("2026-03-04T09:00:00Z"), creditTo(null));
    expect(set).toEqual({ resolvedAt: OPENED });
  });

  test("the engineer is credited as of when the stored capture opened", async () => {
    let asOf: Date | null = null;
    await fillOf(stored, null, async (openedAt) => {
      asOf = openedAt;
      return { personId: null };
    });
    expect(asOf).toEqual(OPENED);
  });

  test("what it has stays: the first resolution and engineer win, a status set by its engineer stays", async () => {
    const full = { ...stored, resolvedAt: at("2026-03-04T10:05:00Z"), assigneeId: "p0" };
    expect(await fillOf(full, at("2026-03-04T11:00:00Z"), creditTo("p1"))).toEqual({ set: {}, credited: null });
    const dismissed = { ...stored, captureStatus: "dismissed" as const };
    expect((await fillOf(dismissed, null, creditTo("p1"))).set).toEqual({ assigneeId: "p1" });
  });

  test("nobody to credit fills no engineer", async () => {
    expect(await fillOf(stored, null, creditTo(null))).toEqual({ set: {}, credited: null });
  });

  test("a removed capture stays as it is", async () => {
    const removed = { ...stored, deletedAt: at("2026-03-04T12:00:00Z") };
    expect(await fillOf(removed, at("2026-03-04T10:30:00Z"), creditTo("p1"))).toEqual({ set: {}, credited: null });
  });
});

describe("captureOnce", () => {
  const row = { id: "i1" } as typeof interrupt.$inferSelect;

  test("a stored capture is updated, nothing created", async () => {
    const outcome = await captureOnce({
      find: async () => row,
      update: async (found) => `updated ${found.id}`,
      create: async () => "created",
      what: "ticket T-1",
    });
    expect(outcome).toBe("updated i1");
  });

  test("a new one is created", async () => {
    const outcome = await captureOnce({
      find: async () => null,
      update: async () => "updated",
      create: async () => "created",
      what: "ticket T-1",
    });
    expect(outcome).toBe("created");
  });

  test("one a racing event stored first is looked up again and updated", async () => {
    const looks = [null, row];
    const outcome = await captureOnce({
      find: async () => looks.shift() ?? null,
      update: async (found) => `updated ${found.id}`,
      create: async () => null,
      what: "ticket T-1",
    });
    expect(outcome).toBe("updated i1");
  });

  test("neither created nor found again is an error naming it", async () => {
    const attempt = captureOnce({
      find: async () => null,
      update: async () => "updated",
      create: async () => null,
      what: "ticket T-1",
    });
    await expect(attempt).rejects.toThrow("ticket T-1 neither stored nor found");
  });
});
