import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { cleanJson, cleanText } from "./clean-text";

describe("cleanText", () => {
  test.each([
    ["disk\u0000full", "diskfull"],
    ["lone \ud800 high", "lone \ufffd high"],
    ["lone \udc00 low", "lone \ufffd low"],
    ["pair 😀 kept", "pair 😀 kept"],
    ["plain", "plain"],
  ])("%j becomes %j", (text, clean) => {
    expect(cleanText(text)).toBe(clean);
  });

  test("any string comes out free of NUL and encodes to UTF-8 and back unchanged", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (text) => {
        const clean = cleanText(text);
        expect(clean).not.toContain("\u0000");
        expect(new TextDecoder().decode(new TextEncoder().encode(clean))).toBe(clean);
      }),
    );
  });

  test("cleans keys and values at any depth, leaving other values alone", () => {
    expect(cleanJson({ "a\u0000": ["b\u0000", 1, null, { c: "\ud800" }], n: true })).toEqual({
      a: ["b", 1, null, { c: "\ufffd" }],
      n: true,
    });
  });
});
