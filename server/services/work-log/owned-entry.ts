import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { workEntry } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import { DomainError } from "../errors";

/**
 * The caller's own entry, locked for the rest of the transaction. Someone else's entry is FORBIDDEN
 * (nobody edits another person's log); a deleted one is NOT_FOUND unless `includeDeleted`, for undo.
 */
export async function ownedEntry(
  db: Db,
  viewer: Viewer,
  id: string,
  opts: { includeDeleted?: boolean; field?: string } = {},
) {
  const field = opts.field ?? "id";
  const [row] = await db.select().from(workEntry).where(eq(workEntry.id, id)).for("update");
  if (!row) throw new DomainError("not-found", "No such entry.", field);
  if (row.personId !== viewer.personId)
    throw new DomainError("forbidden", "You can only change your own entries.", field);
  if (row.deletedAt && !opts.includeDeleted) throw new DomainError("not-found", "This entry was deleted.", field);
  return row;
}
