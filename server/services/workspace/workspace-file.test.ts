import { describe, expect, test } from "vitest";
import { clockOf, issuePath, parseWorkspace, teamZoneOf } from "@/server/schemas/workspace";

const base = { format: "toilcap-workspace", version: 1, team: { name: "SRE" } };
const person = (extra: Record<string, unknown> = {}) => ({
  id: "p",
  name: "Pat",
  email: "Pat@Example.test",
  timeZone: "Europe/Berlin",
  ...extra,
});

function problems(json: unknown): string[] {
  const parsed = parseWorkspace(json);
  return parsed.ok ? [] : parsed.problems;
}

describe("the team's time zone in a workspace file", () => {
  test.each([
    {
      name: "given: kept",
      team: { ...base.team, timeZone: "Asia/Tokyo" },
      people: [person({ roles: ["manager"] })],
      zone: "Asia/Tokyo",
    },
    {
      name: "an old file without one: its first manager's",
      team: base.team,
      people: [
        person({ id: "a", email: "a@x.test" }),
        person({ id: "m", email: "m@x.test", timeZone: "America/New_York", roles: ["manager"] }),
      ],
      zone: "America/New_York",
    },
    {
      name: "no manager: the zone most people are in",
      team: base.team,
      people: [
        person({ id: "a", email: "a@x.test", timeZone: "Asia/Kolkata" }),
        person({ id: "b", email: "b@x.test", timeZone: "UTC" }),
        person({ id: "c", email: "c@x.test", timeZone: "UTC" }),
      ],
      zone: "UTC",
    },
    { name: "nobody at all: UTC", team: base.team, people: [], zone: "UTC" },
  ])("$name", ({ team, people, zone }) => {
    const parsed = parseWorkspace({ ...base, team, people });
    if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
    expect(teamZoneOf(parsed.data)).toBe(zone);
  });

  test("a zone that is not an IANA name is refused at team.timeZone", () => {
    expect(problems({ ...base, team: { ...base.team, timeZone: "Mars/Olympus" }, people: [] }).join("\n")).toMatch(
      /^team\.timeZone: /m,
    );
  });
});

describe("the team's overload thresholds in a workspace file", () => {
  test("a threshold left out takes its default; one out of range is refused at its path", () => {
    const parsed = parseWorkspace({ ...base, team: { ...base.team, overload: { turnsInARow: 4 } }, people: [] });
    if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
    expect(parsed.data.team.overload).toEqual({ turnsInARow: 4, loggedOverDuty: 1, incidentLimit: 2 });
    expect(
      problems({ ...base, team: { ...base.team, overload: { turnsInARow: 9, loggedOverDuty: 0.1 } }, people: [] }),
    ).toEqual([
      "team.overload.turnsInARow: At most 6 turns",
      "team.overload.loggedOverDuty: At least 25% of duty time",
    ]);
  });
});

describe("the workspace file format", () => {
  test("a minimal file gets the documented defaults", () => {
    const parsed = parseWorkspace({ ...base, people: [person()] });
    if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
    expect(parsed.data.team).toEqual({
      name: "SRE",
      toilCap: 0.5,
      onCallCap: 0.25,
      overload: { turnsInARow: 2, loggedOverDuty: 1, incidentLimit: 2 },
    });
    expect(parsed.data.people[0]).toMatchObject({
      email: "pat@example.test",
      roles: [],
      admin: false,
      removedAt: null,
      workPattern: { days: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1020 },
    });
    expect(parsed.data.entries).toEqual([]);
  });

  test.each([
    [
      { days: [5, 1, 1], start: "08:30", end: "16:30" },
      { days: [1, 5], startMinute: 510, endMinute: 990 },
    ],
    [
      { days: [1], start: "16:00", end: "24:00" },
      { days: [1], startMinute: 960, endMinute: 1440 },
    ],
    [
      { days: [1], start: "22:00", end: "06:00" },
      { days: [1], startMinute: 1320, endMinute: 1800 },
    ],
    [
      { days: [7], start: "00:00", end: "24:00" },
      { days: [7], startMinute: 0, endMinute: 1440 },
    ],
  ])("work pattern %j reads as %j, and writes back the same", (workPattern, expected) => {
    const parsed = parseWorkspace({ ...base, people: [person({ workPattern })] });
    if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
    expect(parsed.data.people[0]?.workPattern).toEqual(expected);
    expect({ start: clockOf(expected.startMinute), end: clockOf(expected.endMinute) }).toEqual({
      start: workPattern.start,
      end: workPattern.end,
    });
  });

  test("every problem is reported at its path, unknown keys too", () => {
    expect(
      problems({
        ...base,
        version: 2,
        people: [
          person({ timeZone: "Berlin", nickname: "P", workPattern: { days: [8], start: "9:00", end: "17:00" } }),
        ],
        absences: [{ personId: "p", startsAt: "2025-03-10", endsAt: "2025-03-11T00:00:00Z" }],
      }),
    ).toEqual([
      "version: This Toilcap reads version 1 files",
      'people[0].timeZone: Unknown time zone "Berlin" (use an IANA name such as Europe/Berlin)',
      "people[0].workPattern.days[0]: Weekdays run from 1 (Monday) to 7 (Sunday)",
      'people[0].workPattern.start: Enter a time of day as "HH:MM", from 00:00 to 24:00',
      'people[0]: Unrecognized key: "nickname"',
      "absences[0].startsAt: Enter an ISO 8601 date-time with an offset, such as 2025-03-10T09:00:00Z",
    ]);
  });

  test("a day cannot start at 24:00", () => {
    expect(
      problems({ ...base, people: [person({ workPattern: { days: [1], start: "24:00", end: "08:00" } })] }),
    ).toEqual(["people[0].workPattern.start: Must be before 24:00"]);
  });

  test("references, duplicates and spans are checked once the fields are well-formed", () => {
    expect(
      problems({
        ...base,
        people: [person(), person({ email: "other@example.test" })],
        services: [
          { id: "s", name: "db" },
          { id: "s2", name: "db" },
        ],
        templates: [{ id: "t", name: "Restart", defaultMinutes: 10, serviceId: "nope" }],
        rotations: [
          {
            id: "r",
            name: "Primary",
            role: "primary",
            timeZone: "UTC",
            shift: { unit: "days", count: 40 },
            handoff: { weekday: 1, time: "09:00" },
            startsOn: "2025-01-06",
            participants: ["p", "q"],
            overrides: [{ personId: "p", startsAt: "2025-01-07T00:00:00Z", endsAt: "2025-01-06T00:00:00Z" }],
          },
        ],
        interrupts: [
          { id: "i", kind: "page", summary: "disk", openedAt: "2025-01-07T00:00:00Z", externalId: "42" },
          {
            id: "i2",
            kind: "page",
            summary: "disk",
            openedAt: "2025-01-07T00:00:00Z",
            externalId: "42",
            resolvedAt: "2025-01-06T00:00:00Z",
          },
        ],
        estimates: [{ sourceKind: "template", sourceKey: "gone", buildHours: 4 }],
      }),
    ).toEqual([
      'people[1].id: Duplicate id "p"',
      'services[1].name: Two services are named "db"',
      'templates[0].serviceId: No service with id "nope" in this file',
      "rotations[0].shift.count: A shift can last at most 28 days",
      'rotations[0].participants[1]: No person with id "q" in this file',
      "rotations[0].overrides[0].endsAt: Must be after startsAt",
      "interrupts[1].resolvedAt: Must not be before openedAt",
      'interrupts[1].externalId: Another interrupt from manual has the externalId "42"',
      'estimates[0].sourceKey: No template with id "gone" in this file',
    ]);
  });

  test("paths read like the file: indexes in brackets", () => {
    expect(issuePath(["people", 3, "timeZone"])).toBe("people[3].timeZone");
    expect(issuePath(["rotations", 0, "participants", 2])).toBe("rotations[0].participants[2]");
    expect(issuePath([])).toBe("");
  });

  test("something that is not a workspace file says so", () => {
    expect(problems("hello")[0]).toMatch(/expected object/i);
    expect(problems({})).toContain('format: Must be "toilcap-workspace"');
  });
});

describe("duty windows and end dates in a workspace file", () => {
  const rotationWith = (extra: Record<string, unknown>) => ({
    ...base,
    people: [person()],
    rotations: [
      {
        id: "r",
        name: "Nights",
        role: "primary",
        timeZone: "Europe/Berlin",
        shift: { unit: "days", count: 1 },
        handoff: { weekday: 1, time: "20:00" },
        startsOn: "2025-01-06",
        participants: ["p"],
        ...extra,
      },
    ],
  });
  const rotationOf = (json: unknown) => {
    const parsed = parseWorkspace(json);
    if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
    return parsed.data.rotations[0];
  };

  test("an old file without them: all the time, no end", () => {
    expect(rotationOf(rotationWith({}))).toMatchObject({ dutyWindows: null, endsOn: null, workingHours: null });
  });

  test("windows that cross midnight and an end date are read as given", () => {
    const read = rotationOf(
      rotationWith({
        dutyWindows: [{ days: [7, 1, 2, 3, 4, 5, 6], start: "20:00", end: "08:00" }],
        endsOn: "2025-06-30",
      }),
    );
    expect(read).toMatchObject({
      dutyWindows: [{ days: [1, 2, 3, 4, 5, 6, 7], startMinute: 1200, endMinute: 480 }],
      endsOn: "2025-06-30",
    });
  });

  test("overlapping windows, an empty list and an end before the start are refused at their paths", () => {
    expect(
      problems(
        rotationWith({
          dutyWindows: [
            { days: [5], start: "20:00", end: "08:00" },
            { days: [6], start: "07:00", end: "09:00" },
          ],
          endsOn: "2025-01-01",
        }),
      ),
    ).toEqual([
      "rotations[0].dutyWindows[1]: Window 2 overlaps window 1",
      "rotations[0].endsOn: The end date must be after startsOn",
    ]);
    expect(problems(rotationWith({ dutyWindows: [] }))).toEqual([
      "rotations[0].dutyWindows: List at least one window, or leave dutyWindows out",
    ]);
  });
});
