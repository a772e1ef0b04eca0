import "server-only";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { automationEstimate } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import { automationPayback, rankByCost, sourceRates, type SourceRates } from "@/server/domain/roi";
import { formatLocalDate, localDateOf, parseLocalDate, type LocalDate } from "@/server/domain/time";
import type { toilSourcesInput } from "@/server/schemas/reports";
import { liveEstimates, type AutomationEstimateView } from "./estimates/estimate-view";
import { measureSavings, type MeasuredSavingsView } from "./measure-savings";
import { openReport, type ReportTeam } from "./open-report";
import { reportWindow, type ReportPeriod } from "./report-window";
import { sourceLabels } from "./source-labels";
import { sourceTotals, type SourceKind, type SourceTotals } from "./source-totals";

export type ToilSourcesInput = z.output<typeof toilSourcesInput>;
export type { SourceKind } from "./source-totals";
export type { MeasuredSavingsView } from "./measure-savings";

/** When automating pays back (docs/accounting.md: saved time against build and maintenance time). */
export interface PaybackView {
  /** Hours saved a month less maintenance; at most 0 means it never pays back. */
  netHoursPerMonth: number;
  /** Months until the build time is earned back; null when it never is. */
  paybackMonths: number | null;
  /** The local date (yyyy-mm-dd) it breaks even; null when it never does. */
  breakEvenOn: string | null;
}

/** An automation estimate with what it would pay back at this source's cost. */
export interface SourceEstimate extends AutomationEstimateView {
  payback: PaybackView;
  /** Whether the payback uses the measured savings (automated, time has passed) or the source's current rate. */
  savingsBasis: "measured" | "current-rate";
}

/** One toil source of the team in the period, ranked by yearly cost. */
export interface ToilSource extends SourceRates {
  kind: SourceKind;
  /** A template's or service's id, or an alert name; null for the "none" row (no template, service or alert). */
  key: string | null;
  label: string;
  /** 1 for the costliest. */
  rank: number;
  occurrences: number;
  totalMinutes: number;
  peopleAffected: number;
  /** This source's part of the total yearly cost, and the running part down to it (the Pareto line). */
  share: number;
  cumulativeShare: number;
  estimate: SourceEstimate | null;
  /** Once automated: hours a month before and after, measured from the log; null until then. */
  measured: MeasuredSavingsView | null;
}

type UnrankedSource = Omit<ToilSource, "rank" | "share" | "cumulativeShare">;

export interface ToilSourcesReport {
  team: ReportTeam;
  period: ReportPeriod;
  groupBy: SourceKind;
  /** Costliest first. Sources with an estimate but no toil in the period are listed too, at no cost. */
  sources: ToilSource[];
  totalMinutes: number;
  totalYearlyCostHours: number;
}

/**
 * The team's toil in the period grouped by template, service or alert name, ranked by yearly cost (occurrences a
 * year x minutes each, docs/accounting.md), with automation estimates, payback and measured savings. Team figures: every
 * member may read them.
 */
export async function toilSources(
  db: Db,
  viewer: Viewer,
  input: ToilSourcesInput,
  now: Date,
): Promise<ToilSourcesReport> {
  const scope = await openReport(db, viewer, input.teamId);
  const window = reportWindow(input, scope.team.timeZone, now);
  const { accounted } = window;
  const kind = input.groupBy;
  const totals = accounted.end > accounted.start ? await sourceTotals(db, scope.team.id, kind, accounted) : [];
  const estimates = await liveEstimates(db, scope.team.id, eq(automationEstimate.sourceKind, kind));
  const observed = new Set(totals.map((t) => t.key));
  // An automated source may have no toil left at all; it still belongs in the list with its savings.
  const rows: SourceTotals[] = [
    ...totals,
    ...estimates
      .filter((e) => !observed.has(e.sourceKey))
      .map((e) => ({ key: e.sourceKey, occurrences: 0, totalMinutes: 0, peopleAffected: 0 })),
  ];
  const labelOf = await sourceLabels(
    db,
    kind,
    rows.map((r) => r.key),
  );
  const spanMs = accounted.end - accounted.start;
  const today = localDateOf(now.getTime(), window.timeZone);

  const sources: UnrankedSource[] = [];
  for (const row of rows) {
    const rates = sourceRates({ occurrences: row.occurrences, totalMinutes: row.totalMinutes, spanMs });
    const estimate = estimates.find((e) => e.sourceKey === row.key) ?? null;
    const measured =
      estimate?.automatedOn && row.key !== null
        ? await measureSavings(
            db,
            { teamId: scope.team.id, kind, key: row.key, automatedOn: estimate.automatedOn },
            window.timeZone,
            now,
          )
        : null;
    sources.push({
      kind,
      key: row.key,
      label: labelOf(row.key),
      occurrences: row.occurrences,
      totalMinutes: row.totalMinutes,
      peopleAffected: row.peopleAffected,
      ...rates,
      estimate: estimate && withPayback(estimate, rates, measured, today),
      measured,
    });
  }
  const ranked = rankByCost(
    sources,
    (s) => s.yearlyCostHours,
    (a, b) => a.label.localeCompare(b.label) || String(a.key).localeCompare(String(b.key)),
  );
  return {
    team: scope.team,
    period: window.view,
    groupBy: kind,
    sources: ranked.map((source, index) => ({ ...source, rank: index + 1 })),
    totalMinutes: rows.reduce((sum, r) => sum + r.totalMinutes, 0),
    totalYearlyCostHours: sources.reduce((sum, s) => sum + s.yearlyCostHours, 0),
  };
}

/** Saving what the source costs now, or once automated what was measured, from the automation date (or today). */
function withPayback(
  estimate: AutomationEstimateView,
  rates: SourceRates,
  measured: MeasuredSavingsView | null,
  today: LocalDate,
): SourceEstimate {
  const savedHoursPerMonth = measured ? measured.savedHoursPerMonth : rates.hoursPerMonth;
  const startsOn = estimate.automatedOn ? parseLocalDate(estimate.automatedOn) : today;
  const payback = automationPayback({
    buildHours: estimate.buildHours,
    maintenanceHoursPerMonth: estimate.maintenanceHoursPerMonth,
    savedHoursPerMonth,
    startsOn,
  });
  return {
    ...estimate,
    payback: { ...payback, breakEvenOn: payback.breakEvenOn && formatLocalDate(payback.breakEvenOn) },
    savingsBasis: measured ? "measured" : "current-rate",
  };
}
