import { PERIOD_KINDS, PERIOD_LABELS, type PeriodChoice } from "./period";

/**
 * The report's period as a plain GET form: the choice lands in the URL, so a report is linkable and the
 * picker works before (and without) JavaScript. Custom days are read on the viewer's wall clock. Reports of the
 * whole organisation name no team.
 */
export function PeriodPicker({ action, teamId, choice, extra }: { action: string; teamId?: string; choice: PeriodChoice; extra?: Record<string, string> }) {
  return (
    <form className="card period-picker" method="get" action={action} aria-label="Report period">
      {teamId && <input type="hidden" name="team" value={teamId} />}
      {Object.entries(extra ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <fieldset className="period-kinds">
        <legend>Period</legend>
        <div className="segmented">
          {PERIOD_KINDS.map((kind) => (
            <label key={kind}>
              <input type="radio" name="period" value={kind} defaultChecked={choice.kind === kind} />
              <span>{PERIOD_LABELS[kind]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="report-from">
          First day <span className="optional">(custom)</span>
        </label>
        <input id="report-from" type="date" name="from" defaultValue={choice.firstDay} />
      </div>
      <div className="field">
        <label htmlFor="report-to">
          Last day <span className="optional">(custom)</span>
        </label>
        <input id="report-to" type="date" name="to" defaultValue={choice.lastDay} />
      </div>
      <button className="button" type="submit">
        Show report
      </button>
    </form>
  );
}
