import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import type { Viewer } from "@/server/auth/permissions";
import { type AccountingFacts, capStanding, computeAccounting, type Accounting } from "@/server/domain/accounting";
import type { shareInput } from "@/server/schemas/work-log";
import { loadAccountingFacts, loadWorkProfile } from "./accounting-facts";
import { type Caps, capsFor } from "./caps";
import { type AccountingWindow, accountingWindow } from "./share-window";

export type ShareInput = z.output<typeof shareInput>;

export interface MyShare {
  period: { from: Date; to: Date; kind: ShareInput["period"] };
  /** The numbers cover [period.from, accountedTo): a running period is counted up to now. */
  accountedTo: Date;
  accounting: Accounting;
  /** The zone whose calendar the period follows: the caller's own. */
  timeZone: string;
  toilCap: number;
  onCallCap: number;
  /** Less than a working day scheduled so far: "too early to tell", never over a cap. */
  provisional: boolean;
  overToilCap: boolean;
  overOnCallCap: boolean;
}

/**
 * The caller's own shares for this week, month, quarter (on their wall clock) or a chosen range, by the same
 * window and facts as the team report (reports.teamToil) gives for them.
 */
export async function myShare(db: Db, viewer: Viewer, input: ShareInput, now: Date): Promise<MyShare> {
  const profile = await loadWorkProfile(db, viewer.personId);
  const window = accountingWindow(input, now, profile.timeZone);
  const facts = await loadAccountingFacts(db, viewer.personId, profile, window.accounted, now);
  return shareOf(facts, window, input.period, await capsFor(db, viewer));
}

/**
 * The share of one window from facts loaded for it or for a longer span (the accounting clips them to the window),
 * so several periods can be counted from one load (myShareOverview).
 */
export function shareOf(
  facts: AccountingFacts,
  { period, accounted }: AccountingWindow,
  kind: ShareInput["period"],
  caps: Caps,
): MyShare {
  const accounting = computeAccounting({ ...facts, period: accounted });
  const standing = capStanding(accounting, caps);
  return {
    period: { from: new Date(period.start), to: new Date(period.end), kind },
    accountedTo: new Date(accounted.end),
    accounting,
    timeZone: facts.timeZone,
    ...caps,
    provisional: standing.toil.provisional,
    overToilCap: standing.toil.over,
    overOnCallCap: standing.onCall.over,
  };
}
