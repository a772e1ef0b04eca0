import { describe, expect, test } from "vitest";
import { DEFAULT_OVERLOAD_THRESHOLDS, overloadFindings } from "./overload";
import type { TurnLoad } from "./turn-load";

const base: TurnLoad = {
  personId: "ana",
  start: 0,
  end: 1,
  received: { page: 0, ticket: 0, request: 0 },
  loggedMinutes: 600,
  dutyMinutes: 2400,
  openAtHandoff: 3,
  carriedOver: 0,
  peakIncidents: 0,
  afterHoursMinutes: 0,
};
const turns = (...changes: Array<Partial<TurnLoad>>): TurnLoad[] => changes.map((change) => ({ ...base, ...change }));

describe("overloadFindings with the defaults (two turns in a row)", () => {
  const cases: Array<[string, TurnLoad[], string[]]> = [
    ["a calm rotation", turns({}, {}, {}), []],
    [
      "logged time above the duty time two turns in a row",
      turns({}, { loggedMinutes: 2500 }, { loggedMinutes: 2401 }),
      ["logged-over-duty"],
    ],
    ["logged time equal to the duty time is not over it", turns({ loggedMinutes: 2400 }, { loggedMinutes: 2400 }), []],
    ["over once, then back: no flag", turns({ loggedMinutes: 2500 }, {}), []],
    [
      "the queue handed on grew turn over turn, twice",
      turns({ openAtHandoff: 2 }, { openAtHandoff: 4 }, { openAtHandoff: 5 }),
      ["queue-growing"],
    ],
    [
      "the queue grew once and held: no flag",
      turns({ openAtHandoff: 2 }, { openAtHandoff: 4 }, { openAtHandoff: 4 }),
      [],
    ],
    ["two turns' history cannot show two growths", turns({ openAtHandoff: 2 }, { openAtHandoff: 4 }), []],
    [
      "the incident limit broken two turns in a row",
      turns({ peakIncidents: 3 }, { peakIncidents: 4 }),
      ["incident-limit"],
    ],
    ["two incidents in a window are within the limit", turns({ peakIncidents: 2 }, { peakIncidents: 2 }), []],
    [
      "several reasons at once",
      turns(
        { openAtHandoff: 1 },
        { openAtHandoff: 2, peakIncidents: 3, loggedMinutes: 3000 },
        { openAtHandoff: 3, peakIncidents: 3, loggedMinutes: 3000 },
      ),
      ["logged-over-duty", "queue-growing", "incident-limit"],
    ],
    ["fewer ended turns than the run", turns({ loggedMinutes: 5000 }), []],
  ];
  test.each(cases)("%s", (_name, loads, reasons) => {
    const findings = overloadFindings(loads);
    expect(findings.map((finding) => finding.reason)).toEqual(reasons);
    for (const finding of findings) expect(finding.turns).toEqual([loads.length - 2, loads.length - 1]);
  });

  test("a team's own thresholds: three turns in a row, logged time over 80% of duty", () => {
    const limits = { ...DEFAULT_OVERLOAD_THRESHOLDS, turnsInARow: 3, loggedOverDuty: 0.8 };
    const busy = { loggedMinutes: 2000 };
    expect(overloadFindings(turns(busy, busy), limits)).toEqual([]);
    expect(overloadFindings(turns(busy, busy, busy), limits)).toEqual([
      { reason: "logged-over-duty", turns: [0, 1, 2] },
    ]);
  });
});
