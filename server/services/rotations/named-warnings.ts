import "server-only";
import type { ScheduleWarning } from "@/server/domain/rotations";
import { nameOf, type PersonFacts } from "./rotation-facts";

export type PlanWarningKind = ScheduleWarning["kind"] | "over-on-call-cap" | "over-toil-cap";

export interface PlanWarning {
  kind: PlanWarningKind;
  message: string;
  personId: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
}

/** The domain words its messages with ids; planners read names. */
export function namedWarning(
  warning: ScheduleWarning,
  rotation: { id: string; name: string },
  people: ReadonlyMap<string, PersonFacts>,
): PlanWarning {
  let message = warning.message.replaceAll(`Rotation ${rotation.id}`, `"${rotation.name}"`);
  for (const personId of people.keys()) message = message.replaceAll(personId, nameOf(people, personId));
  return {
    kind: warning.kind,
    message,
    personId: warning.personId ?? null,
    startsAt: warning.start === undefined ? null : new Date(warning.start),
    endsAt: warning.end === undefined ? null : new Date(warning.end),
  };
}

const percent = (share: number) => `${Number((share * 100).toFixed(1))}%`;

/** docs/accounting.md's caps (25% on call, 50% toil by default, per team) against each person's projected shares. */
export function capWarnings(
  loads: ReadonlyArray<{
    personId: string;
    name: string;
    toilShare: number;
    onCallShare: number;
    overToilCap: boolean;
    overOnCallCap: boolean;
  }>,
  caps: { toilCap: number; onCallCap: number },
  horizon: string,
): PlanWarning[] {
  const none = { startsAt: null, endsAt: null };
  return loads.flatMap((load) => [
    ...(load.overOnCallCap
      ? [
          {
            kind: "over-on-call-cap" as const,
            personId: load.personId,
            ...none,
            message: `${load.name} is projected at ${percent(load.onCallShare)} on call over ${horizon}, above the ${percent(caps.onCallCap)} cap.`,
          },
        ]
      : []),
    ...(load.overToilCap
      ? [
          {
            kind: "over-toil-cap" as const,
            personId: load.personId,
            ...none,
            message: `${load.name} is projected at ${percent(load.toilShare)} toil over ${horizon}, above the ${percent(caps.toilCap)} cap.`,
          },
        ]
      : []),
  ]);
}
