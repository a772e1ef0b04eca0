import "server-only";
import { and, asc, eq, isNull, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { interrupt } from "@/db/schema";
import { isManagerOf, type Viewer } from "@/server/auth/permissions";
import { DomainError } from "../errors";

export type InterruptRow = typeof interrupt.$inferSelect;

export interface CapturedGroup {
  /** The page the caller named. */
  target: InterruptRow;
  /** The pages of its incident credited to the same engineer, the target included, earliest first; all locked. */
  pages: InterruptRow[];
}

/** What a captured interrupt is called in messages: tickets arrive in the same inbox as pages. */
export function capturedNoun(row: { kind: string }): "ticket" | "page" {
  return row.kind === "ticket" ? "ticket" : "page";
}

/**
 * A captured page and the rest of its incident that is credited to the same engineer: they are confirmed or
 * dismissed together, as one piece of work. Only that engineer or a manager of the team (admins included) may
 * decide; anyone else, in the team or not, is refused.
 */
export async function loadCapturedGroup(db: Db, viewer: Viewer, interruptId: string): Promise<CapturedGroup> {
  const [target] = await db
    .select()
    .from(interrupt)
    .where(and(eq(interrupt.id, interruptId), isNull(interrupt.deletedAt)))
    .for("update");
  if (!target || target.captureStatus === null)
    throw new DomainError("not-found", "No such captured page or ticket.", "interruptId");
  if (target.assigneeId !== viewer.personId && !isManagerOf(viewer, target.teamId)) {
    throw new DomainError(
      "forbidden",
      `Only the engineer credited with this ${capturedNoun(target)} or a manager of its team may do this.`,
      "interruptId",
    );
  }
  const incidentId = target.incidentId ?? target.id;
  const pages = await db
    .select()
    .from(interrupt)
    .where(
      and(
        eq(interrupt.teamId, target.teamId),
        or(eq(interrupt.incidentId, incidentId), eq(interrupt.id, incidentId), eq(interrupt.id, target.id)),
        target.assigneeId ? eq(interrupt.assigneeId, target.assigneeId) : isNull(interrupt.assigneeId),
        isNull(interrupt.deletedAt),
      ),
    )
    .orderBy(asc(interrupt.openedAt), asc(interrupt.id))
    .for("update");
  return { target, pages };
}
