import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { icsCalendarProperty, icsEventTexts, icsProblems } from "@/server/testing/ics-conformance";
import { buildIcs, type Feed, type FeedEvent } from "./ics";

const instant = (iso: string) => new Date(iso).getTime();

function event(overrides: Partial<FeedEvent> = {}): FeedEvent {
  return {
    rotationId: "rotation-1",
    personId: "person-1",
    start: instant("2026-03-23T08:00:00Z"),
    end: instant("2026-03-30T07:00:00Z"),
    timeZone: "Europe/Berlin",
    summary: "Primary on-call — Erik Lindqvist",
    description: "Payments primary, Payments SRE",
    ...overrides,
  };
}

function feed(overrides: Partial<Feed> = {}): Feed {
  return {
    name: "Payments primary (Toilcap)",
    description: "Who holds Payments primary",
    timeZone: "Europe/Berlin",
    events: [event()],
    now: new Date("2026-03-10T12:00:00Z"),
    ...overrides,
  };
}

const hostileText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 120 }),
  fc.string({ unit: "binary", maxLength: 120 }),
  fc.constantFrom(
    "Evil\r\nEND:VCALENDAR\r\nBEGIN:VCALENDAR",
    "x\nBEGIN:VEVENT\nSUMMARY:injected\nEND:VEVENT",
    "a;b,c\\d",
    "\u0000\u2028\u0085",
    "é".repeat(80),
  ),
);

describe("iCalendar feed text (RFC 5545)", () => {
  test("conforms: CRLF after every line including the last, calendar properties first, folded lines, VTIMEZONE", () => {
    const text = buildIcs(feed());
    expect(icsProblems(text)).toEqual([]);
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    const firstComponent = text.indexOf("BEGIN:VTIMEZONE");
    for (const property of ["X-WR-CALNAME", "X-WR-CALDESC", "X-WR-TIMEZONE", "REFRESH-INTERVAL", "NAME", "METHOD"]) {
      expect(text.indexOf(`\r\n${property}`)).toBeLessThan(firstComponent);
    }
  });

  test.each([
    ["Europe/Berlin", ["CET", "CEST"]],
    ["America/New_York", ["EST", "EDT"]],
    ["Europe/London", ["GMT", "BST"]],
    ["Australia/Adelaide", ["ACST", "ACDT"]],
  ])("%s names its observances by their abbreviations", (timeZone, names) => {
    const text = buildIcs(feed({ timeZone, events: [event({ timeZone })] }));
    const tzNames = new Set(
      text
        .split("\r\n")
        .filter((l) => l.startsWith("TZNAME:"))
        .map((l) => l.slice("TZNAME:".length)),
    );
    expect([...tzNames].sort()).toEqual([...names].sort());
  });

  test("a zone without an abbreviation falls back to its offset", () => {
    const text = buildIcs(feed({ timeZone: "Asia/Tokyo", events: [event({ timeZone: "Asia/Tokyo" })] }));
    expect(text).toContain("TZNAME:+0900");
    const saoPaulo = buildIcs(
      feed({ timeZone: "America/Sao_Paulo", events: [event({ timeZone: "America/Sao_Paulo" })] }),
    );
    expect(saoPaulo).toContain("TZNAME:-0300");
    expect(icsProblems(saoPaulo)).toEqual([]);
  });

  test("hostile names and descriptions stay inside their property: no injected events, text read back whole", () => {
    fc.assert(
      fc.property(hostileText, hostileText, hostileText, (name, summary, description) => {
        const text = buildIcs(feed({ name, description: name, events: [event({ summary, description })] }));
        expect(icsProblems(text)).toEqual([]);
        expect(text.match(/^BEGIN:VEVENT$/gm)).toHaveLength(1);
        expect(text.match(/^BEGIN:VCALENDAR$/gm)).toHaveLength(1);
        const [read] = icsEventTexts(text);
        const readable = (value: string) =>
          value.replace(/\r\n|[\r\n\u2028\u2029\u0085]/g, "\n").replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");
        expect(read).toEqual({ summary: readable(summary), description: readable(description) });
        expect(icsCalendarProperty(text, "DESCRIPTION")).toBe(readable(name));
      }),
      { numRuns: 100 },
    );
  });
});
