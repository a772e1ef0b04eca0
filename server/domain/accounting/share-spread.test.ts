import { describe, expect, test } from "vitest";
import { shareSpread } from "./share-spread";

describe("shareSpread", () => {
  test.each([
    { shares: [], spread: null },
    { shares: [0.4], spread: { min: 0.4, median: 0.4, max: 0.4, members: 1 } },
    { shares: [0.8, 0, 0.3], spread: { min: 0, median: 0.3, max: 0.8, members: 3 } },
    { shares: [0.5, 0.1, 0.2, 0.9], spread: { min: 0.1, median: 0.35, max: 0.9, members: 4 } },
  ])("$shares", ({ shares, spread }) => {
    const result = shareSpread(shares);
    if (spread === null) return expect(result).toBeNull();
    expect(result).toMatchObject({ min: spread.min, max: spread.max, members: spread.members });
    expect(result?.median).toBeCloseTo(spread.median, 12);
  });
});
