import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { team } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";

export interface Caps {
  toilCap: number;
  onCallCap: number;
}

/** docs/accounting.md's defaults, for someone in no team yet. */
export const DEFAULT_CAPS: Readonly<Caps> = Object.freeze({ toilCap: 0.5, onCallCap: 0.25 });

/** The caps a team set; the defaults for a team that is gone. */
export async function teamCaps(db: Db, teamId: string): Promise<Caps> {
  const [row] = await db
    .select({ toilCap: team.toilCap, onCallCap: team.onCallCap })
    .from(team)
    .where(and(eq(team.id, teamId), isNull(team.deletedAt)));
  return row ?? { ...DEFAULT_CAPS };
}

/** The caps of the caller's first team: the one their work goes to by default. */
export async function capsFor(db: Db, viewer: Viewer): Promise<Caps> {
  const teamId = viewer.memberships[0]?.teamId;
  return teamId ? teamCaps(db, teamId) : { ...DEFAULT_CAPS };
}
