import type { ReactNode } from "react";
import { signedInCaller, viewerTeams } from "@/server/trpc/server";
import { chooseTeam } from "@/app/_lib/team";
import type { Loaded } from "./load-report";
import { type PeriodKind, periodChoice, periodInput, type ReportSearch, periodDaysText, teamParam } from "./period";

/**
 * Where every team report page starts: the server caller, the viewer, the team shown (the one asked for, else
 * the remembered one) and the period picked (`defaultKind` when none is), with its input for the procedures.
 */
export async function openTeamReport(search: ReportSearch, defaultKind?: PeriodKind) {
  const caller = await signedInCaller();
  const viewer = await caller.viewer.me();
  const team = await chooseTeam(viewer, await viewerTeams(), teamParam(search));
  const choice = periodChoice(search, defaultKind);
  return { caller, viewer, team, choice, period: periodInput(choice, viewer.timeZone) };
}

/** A report that loaded, drawn by `children`; a refusal (no access, a bad period) in words; nothing without a team. */
export function ReportBody<T>({ load, children }: { load: Loaded<T> | null; children: (data: T) => ReactNode }) {
  if (!load) return null;
  if (!load.ok) {
    return (
      <div className="alert error" role="alert">
        {load.message}
      </div>
    );
  }
  return <>{children(load.data)}</>;
}

/** The period a report covers, on the viewer's calendar, and a note on how it is counted. */
export function ReportSpan({
  period,
  timeZone,
  note,
}: {
  period: { from: Date; to: Date };
  timeZone: string;
  note: ReactNode;
}) {
  return (
    <p className="report-span">
      <strong>{periodDaysText(period.from, period.to, timeZone)}</strong>
      <span className="stat-note"> · {note}</span>
    </p>
  );
}
