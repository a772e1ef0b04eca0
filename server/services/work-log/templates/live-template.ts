import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { toilTemplate } from "@/db/schema";

/** A template that exists and is not deleted, whichever team it belongs to. */
export async function liveTemplate(db: Db, id: string) {
  const [row] = await db
    .select()
    .from(toilTemplate)
    .where(and(eq(toilTemplate.id, id), isNull(toilTemplate.deletedAt)));
  return row;
}
