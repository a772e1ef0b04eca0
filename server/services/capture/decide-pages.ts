import "server-only";
import { inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { interrupt } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import { recordAudit } from "../audit";
import type { InterruptRow } from "./load-captured-group";

export type CaptureStatus = NonNullable<InterruptRow["captureStatus"]>;

/** Moves the pages to `status`, recording who decided and when (cleared again when back to captured), with audit rows. */
export async function decidePages(
  db: Db,
  viewer: Viewer,
  pages: readonly InterruptRow[],
  status: CaptureStatus,
  now: Date,
): Promise<void> {
  if (pages.length === 0) return;
  const decided =
    status === "captured"
      ? { captureDecidedById: null, captureDecidedAt: null }
      : { captureDecidedById: viewer.personId, captureDecidedAt: now };
  await db
    .update(interrupt)
    .set({ captureStatus: status, ...decided })
    .where(
      inArray(
        interrupt.id,
        pages.map((page) => page.id),
      ),
    );
  const action =
    status === "captured"
      ? "interrupt.capture-restore"
      : `interrupt.capture-${status === "confirmed" ? "confirm" : "dismiss"}`;
  for (const page of pages) {
    await recordAudit(db, {
      actorPersonId: viewer.personId,
      teamId: page.teamId,
      action,
      entityType: "interrupt",
      entityId: page.id,
      before: {
        captureStatus: page.captureStatus,
        captureDecidedById: page.captureDecidedById,
        captureDecidedAt: page.captureDecidedAt,
      },
      after: { captureStatus: status, ...decided },
    });
  }
}
