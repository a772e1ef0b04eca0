export const TEAM_ROLES = ["engineer", "manager", "planner"] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export interface Membership {
  teamId: string;
  teamName: string;
  roles: TeamRole[];
}

/** The signed-in person as every procedure sees them: resolved once per request. */
export interface Viewer {
  personId: string;
  userId: string;
  organisationId: string;
  name: string;
  email: string;
  timeZone: string;
  isAdmin: boolean;
  memberships: Membership[];
}

export function rolesIn(viewer: Viewer, teamId: string): TeamRole[] {
  return viewer.memberships.find((m) => m.teamId === teamId)?.roles ?? [];
}

/** Admins may act in every team; others need one of the roles in that team. */
export function mayActInTeam(viewer: Viewer, teamId: string, allowed: readonly TeamRole[]): boolean {
  if (viewer.isAdmin) return true;
  const held = rolesIn(viewer, teamId);
  return held.some((role) => allowed.includes(role));
}

export function isManagerOf(viewer: Viewer, teamId: string): boolean {
  return mayActInTeam(viewer, teamId, ["manager"]);
}
