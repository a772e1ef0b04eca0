import fc from "fast-check";
import { IANAZone } from "luxon";
import { expect, test } from "vitest";
import { TEST_ZONES, utc } from "../../testing/time-fixtures";
import { offsetChangesBetween, offsetMinutes } from "./zone-offset";

test("the cached offset always equals luxon's, including around transitions", () => {
  const zones = [...TEST_ZONES, "Pacific/Apia", "America/Havana", "Australia/Lord_Howe"].map((z) => IANAZone.create(z));
  fc.assert(
    fc.property(
      fc.constantFrom(...zones),
      fc.integer({ min: utc("1990-01-01T00:00:00Z"), max: utc("2040-01-01T00:00:00Z") }),
      (zone, instant) => offsetMinutes(zone, instant) === zone.offset(instant),
    ),
    { numRuns: 300 },
  );
  for (const zone of zones) {
    for (const transition of [
      "2026-03-29T01:00:00Z",
      "2026-10-25T01:00:00Z",
      "2026-04-04T16:00:00Z",
      "2011-12-30T10:00:00Z",
    ]) {
      for (const delta of [-60_001, -1, 0, 1, 60_000]) {
        const instant = utc(transition) + delta;
        expect(offsetMinutes(zone, instant)).toBe(zone.offset(instant));
      }
    }
  }
});

test("on transition days the remembered change instant gives luxon's offset to the millisecond", () => {
  const zones = [...TEST_ZONES, "Australia/Lord_Howe", "America/Santiago"].map((z) => IANAZone.create(z));
  const days = ["2026-03-08", "2026-03-29", "2026-04-05", "2026-09-27", "2026-10-04", "2026-10-25", "2026-11-01"].map(
    (d) => utc(`${d}T00:00:00Z`),
  );
  fc.assert(
    fc.property(
      fc.constantFrom(...zones),
      fc.constantFrom(...days),
      fc.integer({ min: -86_400_000, max: 2 * 86_400_000 }),
      (zone, day, delta) => offsetMinutes(zone, day + delta) === zone.offset(day + delta),
    ),
    { numRuns: 1000 },
  );
});

test("lists each offset change once, at the instant luxon's offset changes", () => {
  const zone = IANAZone.create("Australia/Lord_Howe");
  const changes = offsetChangesBetween(zone, utc("2026-01-01T00:00:00Z"), utc("2027-01-01T00:00:00Z"));
  expect(changes).toEqual([
    { at: utc("2026-04-04T15:00:00Z"), before: 660, after: 630 },
    { at: utc("2026-10-03T15:30:00Z"), before: 630, after: 660 },
  ]);
  for (const change of changes) {
    expect(zone.offset(change.at - 1)).toBe(change.before);
    expect(zone.offset(change.at)).toBe(change.after);
  }
  expect(
    offsetChangesBetween(IANAZone.create("Asia/Kolkata"), utc("2026-01-01T00:00:00Z"), utc("2027-01-01T00:00:00Z")),
  ).toEqual([]);
});
