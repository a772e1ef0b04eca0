import { describe, expect, test } from "vitest";
import { penalisedQuality, WARNING_POINTS } from "./quality-penalty";
import type { ScheduleQuality } from "./types";

const perfect: ScheduleQuality = { coverage: 1, balance: 1, score: 100, warningPenalty: 0, loadByPerson: {} };

describe("penalisedQuality", () => {
  const cases: Array<[string, string[], number]> = [
    ["no warnings keep the score", [], 100],
    [
      "four people over the on-call cap cost four warnings' points",
      ["over-on-call-cap", "over-on-call-cap", "over-on-call-cap", "over-on-call-cap"],
      100 - 4 * WARNING_POINTS,
    ],
    ["duty during leave costs points", ["on-leave"], 100 - WARNING_POINTS],
    [
      "gaps and back-to-back turns cost nothing here (gaps already lower coverage)",
      ["gap", "back-to-back", "too-small"],
      100,
    ],
    ["the score never falls below zero", Array.from({ length: 30 }, () => "over-toil-cap"), 0],
  ];
  test.each(cases)("%s", (_name, kinds, score) => {
    const judged = penalisedQuality(
      perfect,
      kinds.map((kind) => ({ kind })),
    );
    expect(judged.score).toBe(score);
    expect(judged.warningPenalty).toBe(100 - score);
  });
});
