import "server-only";
import type { Db } from "@/db/client";
import { recordOverloads } from "../rotations/record-overloads";
import { logFailure, runInBackground } from "./background";
import { checkCapBreaches } from "./check-cap-breaches";
import { engineerIdsOf, engineerTeamsOf } from "./team-engineers";

/** Whose shares a committed write may have moved: these people's, or those of every engineer of a team. */
export type ShareChange = { personIds: readonly string[] } | { teamId: string };

/** The request's database and clock (a tRPC context). */
export interface ShareChangeContext {
  db: Db;
  now: () => Date;
}

/**
 * The least time between two breach checks of one server, 5 s unless TOILCAP_BREACH_CHECK_INTERVAL_MS says:
 * under a burst of writes the people changed meanwhile are checked together once, instead of a month of facts
 * being loaded for every entry logged (the logging benchmark runs 300 writes a second).
 */
function checkIntervalMs(): number {
  const configured = Number(process.env.TOILCAP_BREACH_CHECK_INTERVAL_MS);
  return Number.isFinite(configured) && configured >= 0 ? configured : 5_000;
}

/** What waits to be checked on one database: people and whole teams, with the clock of the latest write. */
interface Pending {
  personIds: Set<string>;
  teamIds: Set<string>;
  now: () => Date;
  scheduled: boolean;
  lastRun: number;
}

// Only a queue of work to do soon, never state the app depends on: a server that stops loses at most one round,
// which the sweep redoes. Keyed by database, since tests open several in one process.
const pendingByDb = new Map<Db, Pending>();

async function checkChanged(
  db: Db,
  change: { personIds: readonly string[]; teamIds: readonly string[] },
  now: Date,
): Promise<void> {
  // One after the other: `db` may be a transaction, whose one connection takes one query at a time.
  const teamPeople: string[][] = [];
  for (const teamId of change.teamIds) teamPeople.push(await engineerIdsOf(db, teamId));
  const personIds = [...new Set([...change.personIds, ...teamPeople.flat()])];
  // Someone's shares count against the caps of every team they are an engineer in.
  const teams = await engineerTeamsOf(db, personIds);
  for (const [teamId, people] of teams) {
    const check = await checkCapBreaches(db, teamId, people, now);
    runInBackground("cap-breach webhook", check.deliveries);
  }
  // The same writes move duty load: record any rotation now flagged as too much for one person.
  for (const teamId of new Set([...change.teamIds, ...teams.keys()])) await recordOverloads(db, teamId, now);
}

function schedule(db: Db, pending: Pending): void {
  if (pending.scheduled) return;
  pending.scheduled = true;
  const wait = Math.max(0, pending.lastRun + checkIntervalMs() - Date.now());
  const round = new Promise<void>((resolve) => setTimeout(resolve, wait)).then(async () => {
    const change = { personIds: [...pending.personIds], teamIds: [...pending.teamIds] };
    pending.personIds.clear();
    pending.teamIds.clear();
    pending.scheduled = false;
    pending.lastRun = Date.now();
    try {
      await checkChanged(db, change, pending.now());
    } finally {
      // Writes that came in while this round ran wait for the next one.
      if (pending.personIds.size > 0 || pending.teamIds.size > 0) schedule(db, pending);
    }
  });
  runInBackground("cap-breach check", round);
}

/**
 * Call with the result of a write that changes shares, after its transaction committed: queues the people it
 * concerns for a cap-breach check behind the answer and hands back the result at once. The check never fails
 * or slows the request (errors are logged); see {@link checkIntervalMs} for how checks are gathered.
 */
export async function afterShareChange<T>(
  ctx: ShareChangeContext,
  result: T,
  change: ShareChange | ((result: T) => ShareChange),
): Promise<T> {
  try {
    const changed = typeof change === "function" ? change(result) : change;
    const pending = pendingByDb.get(ctx.db) ?? {
      personIds: new Set(),
      teamIds: new Set(),
      now: ctx.now,
      scheduled: false,
      lastRun: 0,
    };
    pendingByDb.set(ctx.db, pending);
    if ("teamId" in changed) pending.teamIds.add(changed.teamId);
    else for (const id of changed.personIds) pending.personIds.add(id);
    pending.now = ctx.now;
    schedule(ctx.db, pending);
  } catch (error) {
    // Only a throwing `change` can land here; the write itself has succeeded.
    logFailure("cap-breach check", error);
  }
  return result;
}
