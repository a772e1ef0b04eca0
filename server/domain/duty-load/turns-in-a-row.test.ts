import { describe, expect, test } from "vitest";
import { turnsInARowText } from "./turns-in-a-row";

describe("the run of turns behind an overload flag, in words", () => {
  test.each([
    [1, "1 turn"],
    [2, "2 turns in a row"],
    [6, "6 turns in a row"],
  ])("%i: %s", (turns, text) => {
    expect(turnsInARowText(turns)).toBe(text);
  });
});
