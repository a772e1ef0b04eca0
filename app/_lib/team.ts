import "server-only";
import { cookies } from "next/headers";
import type { Viewer } from "@/server/auth/permissions";
import { TEAM_COOKIE } from "./team-cookie";

export interface TeamChoice {
  id: string;
  name: string;
}

/**
 * The team a page shows: the first of `wanted` the viewer may see (the page's `?team=`, then the team chosen in
 * the shell), else their first team, else the first they see (an admin outside every team).
 */
export function pickTeam<T extends TeamChoice>(
  viewer: Viewer,
  visible: T[],
  wanted: ReadonlyArray<string | undefined>,
): T | null {
  for (const id of wanted) {
    const found = id === undefined ? undefined : visible.find((t) => t.id === id);
    if (found) return found;
  }
  const first = viewer.memberships[0];
  return visible.find((t) => t.id === first?.teamId) ?? visible[0] ?? null;
}

/** The team chosen in the shell, as the cookie remembers it. */
export async function chosenTeamId(): Promise<string | undefined> {
  return (await cookies()).get(TEAM_COOKIE)?.value;
}

/** The team a page shows: the one asked for in ?team= if the viewer may see it, else the one chosen in the shell. */
export async function chooseTeam<T extends TeamChoice>(
  viewer: Viewer,
  visible: T[],
  requested: string | undefined,
): Promise<T | null> {
  return pickTeam(viewer, visible, [requested, await chosenTeamId()]);
}
