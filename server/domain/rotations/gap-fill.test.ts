import { describe, expect, test } from "vitest";
import { coversForGaps } from "./gap-fill";
import { localWindow, weeklyRotation } from "../../testing/rotation-spec-fixtures";

const rotation = weeklyRotation();
const early = localWindow("2026-03-05T09:00", "2026-03-09T09:00");
const later = localWindow("2026-03-20T09:00", "2026-03-21T09:00");

describe("coversForGaps", () => {
  const cases: Array<[string, Parameters<typeof coversForGaps>[0], string[], number]> = [
    [
      "the lightest load takes the gap",
      { rotation, gaps: [early], absences: [], loadByPerson: { a: 50, b: 10, c: 30 } },
      ["b"],
      0,
    ],
    ["ties go by turn order", { rotation, gaps: [early], absences: [], loadByPerson: {} }, ["a"], 0],
    [
      "a gap's weight counts before the next gap",
      { rotation, gaps: [early, later], absences: [], loadByPerson: { a: 0, b: 1, c: 1 } },
      ["a", "b"],
      0,
    ],
    [
      "nobody on leave during the gap",
      {
        rotation,
        gaps: [early],
        absences: [{ personId: "a", ...localWindow("2026-03-08T00:00", "2026-03-10T00:00") }],
        loadByPerson: {},
      },
      ["b"],
      0,
    ],
    [
      "someone over a cap only when nobody else is free",
      {
        rotation,
        gaps: [early],
        absences: [{ personId: "c", ...early }],
        loadByPerson: {},
        overCap: new Set(["a", "b"]),
      },
      ["a"],
      0,
    ],
    [
      "under-cap people first",
      { rotation, gaps: [early], absences: [], loadByPerson: { c: 99 }, overCap: new Set(["a", "b"]) },
      ["c"],
      0,
    ],
    [
      "everyone away: the gap stays",
      {
        rotation,
        gaps: [early],
        absences: ["a", "b", "c"].map((personId) => ({ personId, ...early })),
        loadByPerson: {},
      },
      [],
      1,
    ],
  ];
  test.each(cases)("%s", (_name, input, people, uncovered) => {
    const result = coversForGaps(input);
    expect(result.covers.map((cover) => cover.personId)).toEqual(people);
    expect(result.uncovered).toHaveLength(uncovered);
  });
});
