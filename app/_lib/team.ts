import type { Viewer } from "@/server/auth/permissions";

export interface TeamChoice {
  id: string;
  name: string;
}

/** The team a page shows: the one asked for in ?team= if the viewer may see it, else their first. */
export function chooseTeam(viewer: Viewer, visible: TeamChoice[], requested: string | undefined): TeamChoice | null {
  const wanted = visible.find((t) => t.id === requested);
  if (wanted) return wanted;
  const first = viewer.memberships[0];
  return visible.find((t) => t.id === first?.teamId) ?? visible[0] ?? null;
}
