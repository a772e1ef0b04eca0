import { describe, expect, test } from "vitest";
import type { LocalDate } from "../time";
import { automationPayback } from "./payback";

const on = (iso: string): LocalDate => {
  const [year = 0, month = 0, day = 0] = iso.split("-").map(Number);
  return { year, month, day };
};
const iso = (d: LocalDate | null) =>
  d && `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;

describe("automationPayback", () => {
  test.each([
    // build, maintenance/month, saved/month -> months to break even, break-even date from 2025-01-01
    { build: 10, maintenance: 0, saved: 5, months: 2, breakEven: "2025-03-03" }, // ceil(60.87) = 61 days
    { build: 10, maintenance: 1, saved: 3, months: 5, breakEven: "2025-06-03" }, // ceil(152.18) = 153 days
    { build: 0, maintenance: 0, saved: 1, months: 0, breakEven: "2025-01-01" },
    { build: 40, maintenance: 0.5, saved: 0.75, months: 160, breakEven: "2038-05-03" }, // ceil(4869.9) = 4870 days
  ])(
    "build $build h, maintenance $maintenance h/month, saving $saved h/month: $months months",
    ({ build, maintenance, saved, months, breakEven }) => {
      const payback = automationPayback({
        buildHours: build,
        maintenanceHoursPerMonth: maintenance,
        savedHoursPerMonth: saved,
        startsOn: on("2025-01-01"),
      });
      expect(payback.paybackMonths).toBeCloseTo(months, 10);
      expect(payback.netHoursPerMonth).toBeCloseTo(saved - maintenance, 10);
      expect(iso(payback.breakEvenOn)).toBe(breakEven);
    },
  );

  test.each([
    { what: "saving equals maintenance", maintenance: 2, saved: 2 },
    { what: "saving below maintenance", maintenance: 2, saved: 1.5 },
    { what: "nothing saved", maintenance: 0, saved: 0 },
    { what: "toil grew after automating", maintenance: 0, saved: -1 },
  ])("never pays back when $what", ({ maintenance, saved }) => {
    expect(
      automationPayback({
        buildHours: 8,
        maintenanceHoursPerMonth: maintenance,
        savedHoursPerMonth: saved,
        startsOn: on("2025-01-01"),
      }),
    ).toEqual({
      netHoursPerMonth: saved - maintenance,
      paybackMonths: null,
      breakEvenOn: null,
    });
  });

  test("break-even counts calendar days from the start date, across month and year ends", () => {
    const payback = automationPayback({
      buildHours: 6,
      maintenanceHoursPerMonth: 0,
      savedHoursPerMonth: 12,
      startsOn: on("2024-12-20"),
    });
    expect(payback.paybackMonths).toBe(0.5);
    expect(iso(payback.breakEvenOn)).toBe("2025-01-05"); // 20 December + ceil(15.22) = 16 days
  });
});
