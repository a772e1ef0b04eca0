import { describe, expect, test } from "vitest";
import { reviewProgress } from "./review-summary";

describe("reviewProgress", () => {
  test.each([
    {
      case: "nothing to review",
      verdicts: [],
      expected: { items: 0, reviewed: 0, unreviewed: 0, actionable: 0, notActionable: 0, actionableShare: null },
    },
    {
      case: "none reviewed yet",
      verdicts: [null, null],
      expected: { items: 2, reviewed: 0, unreviewed: 2, actionable: 0, notActionable: 0, actionableShare: null },
    },
    {
      case: "the share is of the reviewed items only",
      verdicts: [true, false, null, true, null],
      expected: { items: 5, reviewed: 3, unreviewed: 2, actionable: 2, notActionable: 1, actionableShare: 2 / 3 },
    },
    {
      case: "all noise",
      verdicts: [false, false],
      expected: { items: 2, reviewed: 2, unreviewed: 0, actionable: 0, notActionable: 2, actionableShare: 0 },
    },
  ])("$case", ({ verdicts, expected }) => {
    expect(reviewProgress(verdicts.map((actionable) => ({ actionable })))).toEqual(expected);
  });
});
