// Test-only helpers shared by the domain tests; production code never imports this.
import fc from "fast-check";
import { DateTime } from "luxon";

/** Zones chosen for their edge cases: DST both hemispheres, :30 and :45 offsets, no DST at all. */
export const TEST_ZONES = [
  "UTC",
  "Europe/Berlin",
  "America/New_York",
  "Asia/Kolkata",
  "Australia/Sydney",
  "Pacific/Chatham",
] as const;

export const zoneArb = fc.constantFrom(...TEST_ZONES);

/** Epoch ms of an ISO local date-time read on the wall clock of `zone`. */
export function at(isoLocal: string, zone: string): number {
  const parsed = DateTime.fromISO(isoLocal, { zone });
  if (!parsed.isValid) throw new Error(`Bad test time ${isoLocal} in ${zone}`);
  return parsed.toMillis();
}

export function utc(isoInstant: string): number {
  return at(isoInstant, "UTC");
}

export const HOUR_MS = 60 * 60_000;
