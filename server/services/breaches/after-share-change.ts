import type { Db } from "@/db/client";
import { awaitWithinBudget, logFailure, runInBackground } from "./background";
import { checkCapBreaches } from "./check-cap-breaches";
import { engineerIdsOf, engineerTeamsOf } from "./team-engineers";

/** Whose shares a committed write may have moved: these people's, or those of every engineer of a team. */
export type ShareChange = { personIds: readonly string[] } | { teamId: string };

/** How long a request waits for its breach check before answering anyway (the check then finishes behind it). */
export const CHECK_BUDGET_MS = 300;

/** The request's database and clock (a tRPC context). */
export interface ShareChangeContext {
  db: Db;
  now: () => Date;
}

async function checkChanged(db: Db, change: ShareChange, now: Date): Promise<void> {
  const personIds = "teamId" in change ? await engineerIdsOf(db, change.teamId) : change.personIds;
  // Someone's shares count against the caps of every team they are an engineer in.
  for (const [teamId, people] of await engineerTeamsOf(db, personIds)) {
    const check = await checkCapBreaches(db, teamId, people, now);
    runInBackground("cap-breach webhook", check.deliveries);
  }
}

/**
 * Call with the result of a write that changes shares, after its transaction committed: checks the people it
 * concerns for cap breaches and hands back the result. The check never fails the request (errors are logged)
 * and holds it at most {@link CHECK_BUDGET_MS}; webhooks are always sent behind the answer.
 */
export async function afterShareChange<T>(ctx: ShareChangeContext, result: T, change: ShareChange | ((result: T) => ShareChange)): Promise<T> {
  try {
    const changed = typeof change === "function" ? change(result) : change;
    await awaitWithinBudget("cap-breach check", checkChanged(ctx.db, changed, ctx.now()), CHECK_BUDGET_MS);
  } catch (error) {
    // Only a throwing `change` can land here; the write itself has succeeded.
    logFailure("cap-breach check", error);
  }
  return result;
}
