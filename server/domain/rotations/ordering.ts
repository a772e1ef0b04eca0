import type { Shift } from "./types";

/** Code-unit order: unlike localeCompare it is the same on every server, which keeps outputs deterministic. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function byStart(a: Shift, b: Shift): number {
  return a.start - b.start || a.end - b.end;
}
