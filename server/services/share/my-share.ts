import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import type { Viewer } from "@/server/auth/permissions";
import { computeAccounting, type Accounting } from "@/server/domain/accounting";
import type { shareInput } from "@/server/schemas/work-log";
import { loadAccountingFacts, loadWorkProfile } from "./accounting-facts";
import { capsFor } from "./caps";
import { accountingWindow } from "./share-window";

export type ShareInput = z.output<typeof shareInput>;

export interface MyShare {
  period: { from: Date; to: Date; kind: ShareInput["period"] };
  /** The numbers cover [period.from, accountedTo): a running period is counted up to now. */
  accountedTo: Date;
  accounting: Accounting;
  toilCap: number;
  onCallCap: number;
  overToilCap: boolean;
  overOnCallCap: boolean;
}

/**
 * The caller's own shares for this week, month, quarter (on their wall clock) or a chosen range, by the same
 * window and facts as the team report (reports.teamToil) gives for them.
 */
export async function myShare(db: Db, viewer: Viewer, input: ShareInput, now: Date): Promise<MyShare> {
  const profile = await loadWorkProfile(db, viewer.personId);
  const { period, accounted } = accountingWindow(input, now, profile.timeZone);
  const facts = await loadAccountingFacts(db, viewer.personId, profile, accounted, now);
  const accounting = computeAccounting({ ...facts, period: accounted });
  const caps = await capsFor(db, viewer);
  return {
    period: { from: new Date(period.start), to: new Date(period.end), kind: input.period },
    accountedTo: new Date(accounted.end),
    accounting,
    ...caps,
    overToilCap: accounting.toilShare > caps.toilCap,
    overOnCallCap: accounting.onCallShare > caps.onCallCap,
  };
}
