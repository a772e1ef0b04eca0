import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { rankNoisiestAlerts, type AlertPage } from "./noisiest-alerts";

const page = (alertName: string | null, actionable: boolean | null = null, silenced = false): AlertPage => ({
  alertName,
  actionable,
  silenced,
});

describe("rankNoisiestAlerts", () => {
  test.each([
    {
      case: "most pages first, with the verdicts counted",
      pages: [page("Disk", false), page("Lag", true), page("Disk", true), page("Disk"), page("Lag", false)],
      limit: 10,
      ranked: [
        { alertName: "Disk", pages: 3, actionable: 1, notActionable: 1, unreviewed: 1, silencedPages: 0 },
        { alertName: "Lag", pages: 2, actionable: 1, notActionable: 1, unreviewed: 0, silencedPages: 0 },
      ],
    },
    {
      case: "equal pages: the one more often not actionable is the noisier",
      pages: [page("Cert", true), page("Cert", true), page("Flap", false), page("Flap", true)],
      limit: 10,
      ranked: [
        { alertName: "Flap", pages: 2, actionable: 1, notActionable: 1, unreviewed: 0, silencedPages: 0 },
        { alertName: "Cert", pages: 2, actionable: 2, notActionable: 0, unreviewed: 0, silencedPages: 0 },
      ],
    },
    {
      case: "a full tie goes by name",
      pages: [page("b"), page("a")],
      limit: 10,
      ranked: [
        { alertName: "a", pages: 1, actionable: 0, notActionable: 0, unreviewed: 1, silencedPages: 0 },
        { alertName: "b", pages: 1, actionable: 0, notActionable: 0, unreviewed: 1, silencedPages: 0 },
      ],
    },
    {
      case: "pages without an alert name are not alerts; silenced pages are counted",
      pages: [page(null, false), page("  "), page("Disk", null, true), page("Disk", false, true)],
      limit: 10,
      ranked: [{ alertName: "Disk", pages: 2, actionable: 0, notActionable: 1, unreviewed: 1, silencedPages: 2 }],
    },
    {
      case: "at most the limit",
      pages: [page("a"), page("b"), page("b"), page("c")],
      limit: 1,
      ranked: [{ alertName: "b", pages: 2, actionable: 0, notActionable: 0, unreviewed: 2, silencedPages: 0 }],
    },
    { case: "nothing paged", pages: [], limit: 5, ranked: [] },
  ])("$case", ({ pages, limit, ranked }) => {
    expect(rankNoisiestAlerts(pages, limit)).toEqual(ranked);
  });

  test("refuses a negative or fractional limit", () => {
    expect(() => rankNoisiestAlerts([], -1)).toThrow(RangeError);
    expect(() => rankNoisiestAlerts([], 2.5)).toThrow(RangeError);
  });

  const pages = fc.array(
    fc.record({
      alertName: fc.constantFrom("A", "B", "C", "D", null),
      actionable: fc.constantFrom(true, false, null),
      silenced: fc.boolean(),
    }),
    { maxLength: 60 },
  );

  test("every named page is counted once, the order does not depend on the input's, and pages never grow down the list", () => {
    fc.assert(
      fc.property(pages, (input) => {
        const ranked = rankNoisiestAlerts(input, 10);
        const named = input.filter((p) => p.alertName !== null);
        expect(ranked.reduce((sum, row) => sum + row.pages, 0)).toBe(named.length);
        for (const row of ranked) expect(row.actionable + row.notActionable + row.unreviewed).toBe(row.pages);
        for (let i = 1; i < ranked.length; i += 1)
          expect(ranked[i]?.pages ?? 0).toBeLessThanOrEqual(ranked[i - 1]?.pages ?? 0);
        expect(rankNoisiestAlerts([...input].reverse(), 10)).toEqual(ranked);
      }),
    );
  });
});
