import { describe, expect, test } from "vitest";
import { entryTraits, NO_TRAITS } from "./traits";

const only = (trait: keyof typeof NO_TRAITS) => ({ ...NO_TRAITS, [trait]: true });

describe("an entry's traits", () => {
  test.each([
    ["given beats template and service", only("tactical"), only("manual"), only("repetitive"), only("tactical")],
    ["template beats service", undefined, only("manual"), only("repetitive"), only("manual")],
    ["service when nothing else", undefined, null, only("repetitive"), only("repetitive")],
    ["none at all", undefined, null, null, NO_TRAITS],
  ] as const)("toil: %s", (_, given, template, service, expected) => {
    expect(entryTraits("toil", given, template, service)).toEqual(expected);
  });

  test("overhead is not toil, so it never carries traits", () => {
    expect(entryTraits("overhead", only("manual"), only("repetitive"), only("tactical"))).toEqual(NO_TRAITS);
  });

  test("copies only the six flags, never the rest of a row", () => {
    const serviceRow = { ...only("automatable"), id: "s1", name: "payments-api" };
    expect(entryTraits("toil", undefined, null, serviceRow)).toEqual(only("automatable"));
  });
});
