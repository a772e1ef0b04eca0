import { describe, expect, test } from "vitest";
import { handoffMoment, turnsOf, type DutyPiece } from "./handoff-turns";

const H = 3_600_000;
const piece = (personId: string, startHour: number, endHour: number): DutyPiece => ({
  personId,
  start: startHour * H,
  end: endHour * H,
});

describe("turnsOf", () => {
  test.each([
    {
      case: "one holder after another",
      pieces: [piece("b", 24, 48), piece("a", 0, 24)],
      turns: [piece("a", 0, 24), piece("b", 24, 48)],
    },
    {
      case: "a cover splits a turn in three",
      pieces: [piece("a", 0, 10), piece("c", 10, 14), piece("a", 14, 24), piece("b", 24, 48)],
      turns: [piece("a", 0, 10), piece("c", 10, 14), piece("a", 14, 24), piece("b", 24, 48)],
    },
    {
      case: "working-hours shifts of one holder are one turn, nights and all",
      pieces: [piece("a", 9, 17), piece("a", 33, 41), piece("b", 57, 65)],
      turns: [piece("a", 9, 41), piece("b", 57, 65)],
    },
    {
      case: "a week held again by the same person continues the turn",
      pieces: [piece("a", 0, 168), piece("a", 168, 336)],
      turns: [piece("a", 0, 336)],
    },
    { case: "empty pieces are ignored", pieces: [piece("a", 5, 5), piece("b", 5, 9)], turns: [piece("b", 5, 9)] },
  ])("$case", ({ pieces, turns }) => {
    expect(turnsOf(pieces)).toEqual(turns);
  });
});

describe("handoffMoment", () => {
  const turns = turnsOf([piece("a", 9, 17), piece("b", 33, 41), piece("c", 57, 65)]);
  test.each([
    // now (hours), current, justEnded, next
    { now: 12, moment: { current: 0, justEnded: null, next: 1 } },
    { now: 17, moment: { current: null, justEnded: 0, next: 1 } },
    { now: 20, moment: { current: null, justEnded: 0, next: 1 } },
    { now: 33, moment: { current: 1, justEnded: 0, next: 2 } },
    { now: 80, moment: { current: null, justEnded: 2, next: null } },
    // Outside the 24-hour horizon, an ended turn is no longer "just" ended.
    { now: 90, moment: { current: null, justEnded: null, next: null } },
    { now: 0, moment: { current: null, justEnded: null, next: 0 } },
  ])("at hour $now", ({ now, moment }) => {
    expect(handoffMoment(turns, now * H, 24 * H)).toEqual(moment);
  });
});
