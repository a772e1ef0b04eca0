import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { service, workEntry } from "@/db/schema";

export async function listRecentEntries(db: Db, personId: string, limit: number) {
  return db
    .select({
      id: workEntry.id,
      startsAt: workEntry.startsAt,
      minutes: workEntry.minutes,
      category: workEntry.category,
      summary: workEntry.summary,
      service: service.name,
    })
    .from(workEntry)
    .leftJoin(service, eq(service.id, workEntry.serviceId))
    .where(and(eq(workEntry.personId, personId), isNull(workEntry.deletedAt)))
    .orderBy(desc(workEntry.startsAt))
    .limit(limit);
}
