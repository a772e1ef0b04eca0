/** The six traits of toil (docs/accounting.md), as the schema stores them on services, templates and entries. */
export interface ToilTraits {
  manual: boolean;
  repetitive: boolean;
  automatable: boolean;
  tactical: boolean;
  noEnduringValue: boolean;
  scalesLinearly: boolean;
}

export type ToilTrait = keyof ToilTraits;

export const NO_TRAITS: ToilTraits = {
  manual: false,
  repetitive: false,
  automatable: false,
  tactical: false,
  noEnduringValue: false,
  scalesLinearly: false,
};

export function traits(...present: ToilTrait[]): ToilTraits {
  const result = { ...NO_TRAITS };
  for (const trait of present) result[trait] = true;
  return result;
}
