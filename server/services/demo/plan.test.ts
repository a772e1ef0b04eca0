import { describe, expect, test } from "vitest";
import { DateTime } from "luxon";
import { expandShifts, type RotationSpec } from "@/server/domain/rotations";
import { demoFirstWeek } from "./calendar";
import { buildDemoPlan } from "./plan";

const BERLIN = "Europe/Berlin";
const HOUR_MS = 3_600_000;

function counterIds(): () => string {
  let next = 0;
  return () => `00000000-0000-4000-8000-${(next++).toString(16).padStart(12, "0")}`;
}

type DemoPlan = ReturnType<typeof buildDemoPlan>;

/** The demo's rotations as the rotation domain reads them. */
function rotationSpecs(demo: DemoPlan): RotationSpec[] {
  return demo.rotations.map((r) => ({
    id: r.id ?? "",
    role: r.role,
    timeZone: r.timeZone,
    shiftLength: { unit: r.shiftUnit ?? "weeks", count: r.shiftCount ?? 1 },
    handoff: { weekday: r.handoffWeekday ?? 1, minute: r.handoffMinute ?? 540 },
    startsOn: r.startsOn,
    participants: demo.participants
      .filter((p) => p.rotationId === r.id)
      .sort((a, b) => a.position - b.position)
      .map((p) => p.personId),
    dutyWindows: r.dutyWindows ?? null,
  }));
}

const plan = (now: Date) => buildDemoPlan(now, "toilcap-demo", "hash", counterIds());

// Spring and autumn DST, a summer without Berlin holidays, a year boundary, and a Monday before the hand-off.
const NOWS = [
  "2025-05-07T15:00:00Z",
  "2025-11-12T10:30:00Z",
  "2025-09-24T12:00:00Z",
  "2026-01-02T09:00:00Z",
  "2025-06-02T05:30:00Z",
];

describe.each(NOWS)("the demo plan for now = %s", (iso) => {
  const now = new Date(iso);
  const demo = plan(now);
  const { from } = demoFirstWeek(now);

  test("is the same plan every time", () => {
    expect(plan(now)).toEqual(demo);
  });

  test("logs no work outside [first Monday, now), and nobody's entries overlap", () => {
    const byPerson = new Map<string, Array<[number, number]>>();
    for (const entry of demo.entries) {
      const start = entry.startsAt.getTime();
      const end = start + entry.minutes * 60_000;
      expect(start).toBeGreaterThanOrEqual(from);
      expect(end).toBeLessThanOrEqual(now.getTime());
      byPerson.set(entry.personId, [...(byPerson.get(entry.personId) ?? []), [start, end]]);
    }
    for (const spans of byPerson.values()) {
      spans.sort((a, b) => a[0] - b[0]);
      spans.slice(1).forEach(([start], i) => {
        expect(start).toBeGreaterThanOrEqual(spans[i]?.[1] ?? 0);
      });
    }
  });

  test("records finished shifts only, weekly ones 167 to 169 hours from Monday 09:00 Berlin", () => {
    for (const shift of demo.shifts) {
      expect(shift.startsAt.getTime()).toBeGreaterThanOrEqual(from);
      expect(shift.endsAt.getTime()).toBeLessThanOrEqual(now.getTime());
    }
    const secondary = demo.shifts.filter((s) => s.role === "secondary");
    expect(secondary.length).toBeGreaterThanOrEqual(11);
    for (const shift of secondary) {
      expect(DateTime.fromJSDate(shift.startsAt, { zone: BERLIN }).toFormat("ccc HH:mm")).toBe("Mon 09:00");
      expect([167, 168, 169]).toContain((shift.endsAt.getTime() - shift.startsAt.getTime()) / HOUR_MS);
    }
  });

  test("records exactly the finished shifts that expanding the rotations with the override gives", () => {
    const overrides = demo.overrides.map((o, i) => ({
      id: String(i),
      start: o.startsAt.getTime(),
      end: o.endsAt.getTime(),
      personId: o.personId,
      replacesPersonId: o.replacesPersonId,
    }));
    // A window past now, so that a shift running at now is not clipped to look finished.
    const window = { start: from, end: DateTime.fromJSDate(now).plus({ weeks: 2 }).toMillis() };
    const key = (s: { rotationId: string; personId: string; start: number; end: number }) =>
      `${s.rotationId} ${s.personId} ${s.start} ${s.end}`;
    const expanded = rotationSpecs(demo)
      .flatMap((spec) =>
        expandShifts(
          spec,
          overrides.filter(() => spec.role === "primary"),
          [],
          window,
        ),
      )
      .filter((s) => s.end <= now.getTime())
      .map(key);
    const recorded = demo.shifts.map((s) =>
      key({ rotationId: s.rotationId, personId: s.personId, start: s.startsAt.getTime(), end: s.endsAt.getTime() }),
    );
    expect(recorded.sort()).toEqual(expanded.sort());
    for (const rotation of demo.rotations) {
      const ends = demo.shifts.filter((s) => s.rotationId === rotation.id).map((s) => s.endsAt.getTime());
      expect(rotation.recordedUntil?.getTime()).toBe(Math.max(...ends));
    }
  });

  test("gives every Berlin office member a day off, and the override a free Berlin cover", () => {
    const berlinPeople = demo.people
      .filter((p) => p.timeZone === BERLIN && !p.isAdmin)
      .flatMap((p) => (p.id ? [p.id] : []));
    const withHoliday = new Set(demo.absences.filter((a) => a.kind === "holiday").map((a) => a.personId));
    expect(berlinPeople.every((id) => withHoliday.has(id))).toBe(true);
    const [override] = demo.overrides;
    expect(override).toBeDefined();
    const coverShifts = demo.shifts.filter((s) => s.personId === override?.personId && s.role === "primary");
    expect(coverShifts.some((s) => s.startsAt.getTime() === override?.startsAt.getTime())).toBe(true);
  });
});
