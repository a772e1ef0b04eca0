import {
  accountingWindow,
  type AccountingPeriodKind,
  type AccountingWindow,
  type PeriodRequest,
} from "../share/share-window";

/** A report's period as the pages show it. */
export interface ReportPeriod {
  kind: AccountingPeriodKind;
  from: Date;
  to: Date;
  /** The numbers cover [from, accountedTo): a running period is counted up to now, never past it. */
  accountedTo: Date;
  /** The zone whose calendar the period follows: the team's, whoever looks. */
  timeZone: string;
}

export interface ReportWindow extends AccountingWindow {
  view: ReportPeriod;
  timeZone: string;
}

/** The report's period on the wall clock of `timeZone` (the team's), by the same rule as my share (see accountingWindow). */
export function reportWindow(request: PeriodRequest, timeZone: string, now: Date): ReportWindow {
  const window = accountingWindow(request, now, timeZone);
  return {
    ...window,
    timeZone,
    view: {
      kind: window.kind,
      from: new Date(window.period.start),
      to: new Date(window.period.end),
      accountedTo: new Date(window.accounted.end),
      timeZone,
    },
  };
}
