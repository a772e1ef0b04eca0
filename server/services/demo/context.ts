import type { DemoWindow } from "./calendar";
import type { Random } from "./prng";
import { emailOf, ROSTER, type DemoPersonSpec, type DemoTeamKey } from "./roster";

/** A roster entry with its ids and its work pattern filled in. */
export interface DemoPerson {
  key: string;
  spec: DemoPersonSpec;
  id: string;
  userId: string;
  email: string;
  timeZone: string;
  workDays: number[];
  workStartMinute: number;
  workEndMinute: number;
}

/** Everything the planners share: the window, the generator, and the ids handed out so far. */
export interface DemoContext {
  window: DemoWindow;
  random: Random;
  newId: () => string;
  people: Map<string, DemoPerson>;
  teamIds: Record<DemoTeamKey, string>;
  /** When the organisation was set up: a while before the first week, so every member is a member by then. */
  setupAt: Date;
}

export function resolvePeople(newId: () => string): Map<string, DemoPerson> {
  return new Map(
    ROSTER.map((spec) => [
      spec.key,
      {
        key: spec.key,
        spec,
        id: newId(),
        userId: newId(),
        email: emailOf(spec.key),
        timeZone: spec.timeZone,
        workDays: spec.workDays ?? [1, 2, 3, 4, 5],
        workStartMinute: spec.workStartMinute ?? 9 * 60,
        workEndMinute: spec.workEndMinute ?? 17 * 60,
      },
    ]),
  );
}

export function personOf(context: DemoContext, key: string): DemoPerson {
  const found = context.people.get(key);
  if (!found) throw new Error(`demo roster has no "${key}"`);
  return found;
}

export function membersOf(context: DemoContext, team: DemoTeamKey): DemoPerson[] {
  return [...context.people.values()].filter((p) => p.spec.teams.some((m) => m.team === team));
}

/** People who log work for a team: engineers with a workload. */
export function loggersOf(context: DemoContext, team: DemoTeamKey): DemoPerson[] {
  return membersOf(context, team).filter(
    (p) => p.spec.workload !== undefined && p.spec.teams.some((m) => m.team === team && m.roles.includes("engineer")),
  );
}
