import type { Viewer } from "@/server/auth/permissions";

/**
 * Why this person cannot hold a working token, or null if they can. A token acts as its owner, so an owner
 * who could not sign in (no account) or who belongs nowhere (no team, not an admin) gets nothing from one.
 */
export function tokenOwnerProblem(viewer: Viewer | null): string | null {
  if (!viewer) return "This person has no account (or was removed): they must sign up before a token can act for them.";
  if (!viewer.isAdmin && viewer.memberships.length === 0)
    return "This person is in no team, so a token would see nothing.";
  return null;
}
