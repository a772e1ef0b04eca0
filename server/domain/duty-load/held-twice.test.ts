import { describe, expect, test } from "vitest";
import { heldLength, heldTwice } from "./held-twice";

const H = 3_600_000;
const held = (personId: string, fromHour: number, toHour: number) => ({
  personId,
  start: fromHour * H,
  end: toHour * H,
});

describe("where one person holds duty in two rotations at once", () => {
  test("only the same person's overlaps count, clipped to the window, touching pieces merged", () => {
    const first = [held("ana", 0, 10), held("ben", 10, 20), held("ana", 20, 30)];
    const second = [held("ben", 0, 5), held("ana", 5, 12), held("ana", 12, 25), held("cy", 25, 40)];
    const twice = heldTwice(first, second, { start: 2 * H, end: 24 * H });
    expect(twice).toEqual([held("ana", 5, 10), held("ana", 20, 24)]);
    expect(heldLength(twice)).toBe(9 * H);
  });

  test("rotations offset so nobody holds both: nothing", () => {
    const first = [held("ana", 0, 10), held("ben", 10, 20)];
    const second = [held("ben", 0, 10), held("ana", 10, 20)];
    expect(heldTwice(first, second, { start: 0, end: 20 * H })).toEqual([]);
  });

  test("a cover split across two shifts of the other rotation reads as one stretch", () => {
    const first = [held("ana", 0, 24)];
    const second = [held("ana", 0, 12), held("ana", 12, 24)];
    expect(heldTwice(first, second, { start: 0, end: 24 * H })).toEqual([held("ana", 0, 24)]);
  });
});
