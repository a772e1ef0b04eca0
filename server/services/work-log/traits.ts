import "server-only";
import type { EntryCategory } from "@/server/domain/accounting";
import type { ToilTraits } from "@/server/schemas/work-log";

export const NO_TRAITS: Readonly<ToilTraits> = Object.freeze({
  manual: false,
  repetitive: false,
  automatable: false,
  tactical: false,
  noEnduringValue: false,
  scalesLinearly: false,
});

/** The six trait columns of a service, template or entry row. */
export function traitsOf(row: ToilTraits): ToilTraits {
  return {
    manual: row.manual,
    repetitive: row.repetitive,
    automatable: row.automatable,
    tactical: row.tactical,
    noEnduringValue: row.noEnduringValue,
    scalesLinearly: row.scalesLinearly,
  };
}

/**
 * An entry's traits: the ones given, else the template's, else the service's, else none.
 * Overhead is not toil (docs/accounting.md), so it never carries traits.
 */
export function entryTraits(
  category: EntryCategory,
  given: ToilTraits | undefined,
  template: ToilTraits | null,
  service: ToilTraits | null,
): ToilTraits {
  if (category === "overhead") return { ...NO_TRAITS };
  const source = given ?? template ?? service;
  return source ? traitsOf(source) : { ...NO_TRAITS };
}
