import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { person } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import { DomainError } from "../errors";

export interface Profile {
  name: string;
  email: string;
  timeZone: string;
  /** ISO weekdays, 1 = Monday .. 7 = Sunday. */
  workDays: number[];
  workStartMinute: number;
  workEndMinute: number;
}

/** The caller's own profile: the time zone and work pattern their accounting uses. */
export async function getProfile(db: Db, viewer: Viewer): Promise<Profile> {
  const [row] = await db.select().from(person).where(eq(person.id, viewer.personId));
  if (!row) throw new DomainError("not-found", "No such person.");
  return profileOf(row);
}

export function profileOf(row: typeof person.$inferSelect): Profile {
  return {
    name: row.name,
    email: row.email,
    timeZone: row.timeZone,
    workDays: row.workDays,
    workStartMinute: row.workStartMinute,
    workEndMinute: row.workEndMinute,
  };
}
