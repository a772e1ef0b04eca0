import { describe, expect, test } from "vitest";
import { distinctColumns } from "@/app/_lib/export-columns";

describe("export columns, one per person beside the fixed ones", () => {
  test.each([
    { names: ["Ana", "Ben"], columns: ["Ana", "Ben"] },
    { names: ["team", "Ana"], columns: ["team (2)", "Ana"] },
    { names: ["Ana", "Ana", "Ana"], columns: ["Ana", "Ana (2)", "Ana (3)"] },
    { names: ["week_of", "Ana (2)", "Ana", "Ana"], columns: ["week_of (2)", "Ana (2)", "Ana", "Ana (3)"] },
  ])("$names → $columns", ({ names, columns }) => {
    expect(distinctColumns(["week_of", "team"], names)).toEqual(columns);
  });
});
