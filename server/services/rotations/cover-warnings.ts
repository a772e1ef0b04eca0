import "server-only";
import { DateTime } from "luxon";
import type { Db } from "@/db/client";
import { absencesOf, nameOf, peopleByIds } from "./rotation-facts";
import type { PlanWarning } from "./named-warnings";

const show = (instant: number, timeZone: string) =>
  DateTime.fromMillis(instant, { zone: timeZone }).setLocale("en-GB").toFormat("ccc d LLL HH:mm");

/** A cover who is on leave during the cover: saved anyway (the planner may know better), but said. */
export async function coverLeaveWarnings(
  db: Db,
  cover: { personId: string; start: number; end: number },
  timeZone: string,
): Promise<PlanWarning[]> {
  const leave = await absencesOf(db, [cover.personId], cover);
  if (leave.length === 0) return [];
  const name = nameOf(await peopleByIds(db, [cover.personId]), cover.personId);
  return leave.map((absence) => {
    const start = Math.max(absence.start, cover.start);
    const end = Math.min(absence.end, cover.end);
    return {
      kind: "on-leave" as const,
      personId: cover.personId,
      startsAt: new Date(start),
      endsAt: new Date(end),
      message: `${name} is on leave during this cover, ${show(start, timeZone)} – ${show(end, timeZone)} (${timeZone}).`,
    };
  });
}
