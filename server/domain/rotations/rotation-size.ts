import type { RotationSpec, ScheduleWarning } from "./types";

/** SRE minimum for a pager rotation with everyone on one site. */
export const ONE_SITE_MINIMUM = 8;
/** SRE minimum per site once members span more than one site. */
export const PER_SITE_MINIMUM = 6;
const UNKNOWN_REGION = "no region";

/** A default region for `memberRegions`: the continent part of an IANA zone ("Europe/Berlin" -> "Europe"). */
export function regionOfTimeZone(timeZone: string): string {
  return timeZone.split("/")[0] ?? timeZone;
}

/**
 * "too-small" warnings. The SRE minimums are about carrying a pager, so only primary and secondary rotations
 * are checked. Sites are the members' regions: one site needs 8 people, each of several sites 6 (the book
 * speaks of two sites; more are held to the same per-site floor). Members without a region form their own group.
 */
export function rotationSizeWarnings(
  rotation: RotationSpec,
  memberRegions?: Readonly<Record<string, string>>,
): ScheduleWarning[] {
  if (rotation.role !== "primary" && rotation.role !== "secondary") return [];
  const members = [...new Set(rotation.participants)];
  const sites = new Map<string, number>();
  for (const member of members) {
    const region = memberRegions ? (memberRegions[member] ?? UNKNOWN_REGION) : "";
    sites.set(region, (sites.get(region) ?? 0) + 1);
  }
  if (sites.size <= 1) {
    if (members.length >= ONE_SITE_MINIMUM) return [];
    const message =
      `Rotation ${rotation.id} has ${members.length} ${members.length === 1 ? "member" : "members"} on one site; ` +
      `an on-call rotation needs at least ${ONE_SITE_MINIMUM} to keep on-call time sustainable.`;
    return [{ kind: "too-small", rotationId: rotation.id, message }];
  }
  return [...sites.entries()]
    .filter(([, count]) => count < PER_SITE_MINIMUM)
    .map(([region, count]) => ({
      kind: "too-small" as const,
      rotationId: rotation.id,
      message:
        `Rotation ${rotation.id} has ${count} ${count === 1 ? "member" : "members"} in ${region}; ` +
        `a rotation spread over ${sites.size} sites needs at least ${PER_SITE_MINIMUM} per site.`,
    }));
}
