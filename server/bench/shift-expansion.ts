import { DateTime } from "luxon";
import { expandMany } from "@/server/domain/rotations/expand-many";
import type { Override, RotationSpec } from "@/server/domain/rotations/types";
import { percentile } from "./percentile";

const ZONES = ["Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Tokyo", "America/Los_Angeles"];
const UNITS: RotationSpec["shiftLength"][] = [
  { unit: "weeks", count: 1 },
  { unit: "days", count: 1 },
  { unit: "hours", count: 12 },
];

/** 50 rotations of mixed shift lengths and zones, 8 people each, with a cover a month on each. */
function rotations(count: number): { specs: RotationSpec[]; overrides: Record<string, Override[]> } {
  const specs = Array.from(
    { length: count },
    (_, index): RotationSpec => ({
      id: `r${String(index).padStart(3, "0")}`,
      role: index % 2 === 0 ? "primary" : "secondary",
      timeZone: ZONES[index % ZONES.length] ?? "UTC",
      shiftLength: UNITS[index % UNITS.length] ?? { unit: "weeks", count: 1 },
      handoff: { weekday: 1, minute: 9 * 60 },
      startsOn: "2025-12-29",
      participants: Array.from({ length: 8 }, (_, person) => `r${index}-p${person}`),
    }),
  );
  const overrides: Record<string, Override[]> = {};
  for (const spec of specs) {
    overrides[spec.id] = Array.from({ length: 12 }, (_, month) => {
      const start = DateTime.fromObject({ year: 2026, month: month + 1, day: 10, hour: 8 }, { zone: spec.timeZone });
      return {
        id: `${spec.id}-o${month}`,
        personId: "cover",
        start: start.toMillis(),
        end: start.plus({ days: 2 }).toMillis(),
      };
    });
  }
  return { specs, overrides };
}

export interface TimingSummary {
  runs: number;
  p50: number;
  p95: number;
  p99: number;
  shifts: number;
}

/** The target: a year of shifts for 50 rotations in at most 50 ms. */
export function benchShiftExpansion(count = 50, runs = 50): TimingSummary {
  const { specs, overrides } = rotations(count);
  const window = {
    start: DateTime.fromISO("2026-01-01T00:00", { zone: "UTC" }).toMillis(),
    end: DateTime.fromISO("2027-01-01T00:00", { zone: "UTC" }).toMillis(),
  };
  // Warm-up: the first runs pay for JIT compilation and the zone caches, as a long-running server does once.
  for (let i = 0; i < 10; i += 1) expandMany(specs, overrides, [], window);
  const times: number[] = [];
  let shifts = 0;
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    shifts = expandMany(specs, overrides, [], window).length;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { runs, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), shifts };
}
