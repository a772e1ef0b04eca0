import { describe, expect, test } from "vitest";
import { rankByCost } from "./pareto";

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
const cost = (s: { minutes: number }) => s.minutes;

describe("rankByCost", () => {
  test("costliest first, with each share and the running share", () => {
    const ranked = rankByCost(
      [
        { name: "certs", minutes: 90 },
        { name: "restarts", minutes: 120 },
        { name: "other", minutes: 10 },
      ],
      cost,
      byName,
    );
    expect(ranked.map((s) => s.name)).toEqual(["restarts", "certs", "other"]);
    expect(ranked.map((s) => s.share)).toEqual([120 / 220, 90 / 220, 10 / 220]);
    expect(ranked.map((s) => s.cumulativeShare)).toEqual([120 / 220, 210 / 220, 1]);
  });

  test("equal costs keep the tie-break order; zero-cost sources close the line at 1", () => {
    const ranked = rankByCost(
      [
        { name: "b", minutes: 30 },
        { name: "zero", minutes: 0 },
        { name: "a", minutes: 30 },
      ],
      cost,
      byName,
    );
    expect(ranked.map((s) => [s.name, s.share, s.cumulativeShare])).toEqual([
      ["a", 0.5, 0.5],
      ["b", 0.5, 1],
      ["zero", 0, 1],
    ]);
  });

  test("nothing to rank, or nothing spent, gives shares of 0", () => {
    expect(rankByCost<{ name: string; minutes: number }>([], cost, byName)).toEqual([]);
    expect(rankByCost([{ name: "x", minutes: 0 }], cost, byName)).toEqual([
      { name: "x", minutes: 0, share: 0, cumulativeShare: 0 },
    ]);
  });
});
