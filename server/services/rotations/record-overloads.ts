import "server-only";
import type { Db } from "@/db/client";
import { rotationOverload } from "@/db/schema";
import { runInBackground } from "../breaches/background";
import { teamOverloads } from "./current-overloads";
import { overloadThresholdsOf } from "./overload-thresholds";

/**
 * Records each flag the team's duty rotations show now, once per rotation and the ended turn that completed its
 * run (a flag seen again changes nothing), so flags can be reviewed after the load has gone. Called after writes
 * and by the periodic sweep, never by a page or a scrape. Returns how many were new.
 */
export async function recordOverloads(db: Db, teamId: string, now: Date): Promise<number> {
  // One after the other: `db` may be a transaction, whose one connection takes one query at a time.
  const flags = await teamOverloads(db, teamId, now);
  const thresholds = await overloadThresholdsOf(db, teamId);
  let recorded = 0;
  for (const flag of flags) {
    const last = flag.turns[flag.turns.length - 1];
    if (!last) continue;
    const inserted = await db
      .insert(rotationOverload)
      .values({
        teamId,
        rotationId: flag.rotationId,
        turnStartsAt: last.startsAt,
        turnEndsAt: last.endsAt,
        reasons: flag.reasons,
        turns: flag.turns.map((turn) => ({
          personId: turn.personId,
          startsAt: turn.startsAt.toISOString(),
          endsAt: turn.endsAt.toISOString(),
        })),
        thresholds,
        recordedAt: now,
      })
      .onConflictDoNothing({ target: [rotationOverload.rotationId, rotationOverload.turnStartsAt] })
      .returning({ id: rotationOverload.id });
    recorded += inserted.length;
  }
  return recorded;
}

/** After a change that moves no one's shares but may flag a rotation (new thresholds): record behind the answer. */
export async function afterOverloadChange<T>(ctx: { db: Db; now: () => Date }, result: T, teamId: string): Promise<T> {
  runInBackground("overload record", recordOverloads(ctx.db, teamId, ctx.now()));
  return result;
}
