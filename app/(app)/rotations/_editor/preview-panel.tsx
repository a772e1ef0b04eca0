"use client";

import { DateTime } from "luxon";
import { messageOf } from "@/app/_lib/field-errors";
import { formatMinutes, formatPercent } from "@/app/_lib/format";
import { shareText } from "@/app/_components/work/datetime";
import { ProjectedSharesChartLazy as ProjectedSharesChart } from "@/app/_components/charts/lazy";
import { CoverageGaps } from "@/app/_components/rotations/coverage-gaps";
import { spanText } from "@/app/_components/rotations/spans";
import type { PreviewPerson, RotationPreview, ScheduleQuality } from "@/app/_components/rotations/types";
import { HORIZON_WEEKS } from "./preview-types";
import { WarningsList } from "./warnings-list";

/** Turns listed under the chart: enough to check the order and the hand-off times. */
const TURNS_SHOWN = 6;

/** Score, coverage and balance; `title` names them when two sets stand side by side. */
export function QualityFigures({ quality, title }: { quality: ScheduleQuality; title?: string }) {
  return (
    <div className="quality-block">
      {title && <p className="quality-title">{title}</p>}
      <dl className="quality">
        <div>
          <dt>Quality score</dt>
          <dd>
            <strong>{quality.score.toFixed(1)}</strong> / 100
          </dd>
        </div>
        <div>
          <dt>Coverage</dt>
          <dd>{shareText(quality.coverage)}</dd>
        </div>
        <div>
          <dt>Balance</dt>
          <dd>{shareText(quality.balance)}</dd>
        </div>
        {quality.warningPenalty > 0 && (
          <div>
            <dt>Warnings</dt>
            <dd>−{quality.warningPenalty.toFixed(0)} points</dd>
          </div>
        )}
      </dl>
    </div>
  );
}

/** The share after the draft, with the share before it when it moves. */
function ShareCell({ share, over, before }: { share: number; over: boolean; before: number | undefined }) {
  const moved = before !== undefined && shareText(before) !== shareText(share);
  return (
    <td className="num">
      {moved && <span className="share-before">{shareText(before)} → </span>}
      {shareText(share)}
      <span className={`badge ${over ? "over" : "under"}`}>{over ? "over cap" : "under"}</span>
    </td>
  );
}

function SharesTable({ people, preview, weeks }: { people: PreviewPerson[]; preview: RotationPreview; weeks: number }) {
  return (
    <table className="shares-table">
      <caption className="visually-hidden">
        Projected shares per person over the next {weeks} weeks; where this plan moves a share, before → after
      </caption>
      <thead>
        <tr>
          <th scope="col">Person</th>
          <th scope="col" className="share-col">
            On duty
          </th>
          <th scope="col" className="share-col">
            Toil <span className="cap-note">cap {formatPercent(preview.caps.toilCap)}</span>
          </th>
          <th scope="col" className="share-col">
            On call <span className="cap-note">cap {formatPercent(preview.caps.onCallCap)}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {people.map((p) => {
          const before = preview.peopleBefore.find((b) => b.personId === p.personId);
          return (
            <tr key={p.personId}>
              <th scope="row">{p.name}</th>
              <td className="num">{formatMinutes(p.minutes.duty)}</td>
              <ShareCell share={p.toilShare} over={p.overToilCap} before={before?.toilShare} />
              <ShareCell share={p.onCallShare} over={p.overOnCallCap} before={before?.onCallShare} />
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

type UpcomingTurns = RotationPreview["turns"];

function TurnList({ turns, zone, label }: { turns: UpcomingTurns["after"]; zone: string; label: string }) {
  return (
    <div className="turns-column">
      <h4 className="subhead">{label}</h4>
      <ol className="turn-list" aria-label={label}>
        {turns.map((turn) => (
          <li key={`${turn.personId}-${turn.startsAt.toISOString()}`}>
            <span className="turn-when">{spanText(turn.startsAt, turn.endsAt, zone)}</span> {turn.name}
          </li>
        ))}
      </ol>
    </div>
  );
}

/** The turn in progress and the next ones as saved and as this edit would make them, before covers. */
function TurnsBeforeAfter({ turns, zone }: { turns: UpcomingTurns; zone: string }) {
  if (turns.after.length === 0 && turns.before.length === 0) return null;
  return (
    <section className="preview-section" aria-labelledby="preview-upcoming-heading">
      <h3 id="preview-upcoming-heading" className="subhead">
        Turns from now
      </h3>
      <div className="turns-compare">
        {turns.before.length > 0 && <TurnList turns={turns.before} zone={zone} label="As saved" />}
        <TurnList
          turns={turns.after}
          zone={zone}
          label={turns.before.length > 0 ? "After this edit" : "With these settings"}
        />
      </div>
    </section>
  );
}

/**
 * The what-if before saving: each person's projected toil and on-call share against the caps (chart and table),
 * the plan's warnings, its quality score and first turns. Shown for the last valid draft while edits settle.
 */
export function PreviewPanel({
  preview,
  pending,
  error,
  problem,
  weeks,
  onWeeksChange,
  zone,
}: {
  preview: RotationPreview | undefined;
  pending: boolean;
  error: unknown;
  problem: string | null;
  weeks: number;
  onWeeksChange: (weeks: number) => void;
  zone: string;
}) {
  const status = problem
    ? `Fix the marked fields to update the preview: ${problem}`
    : error
      ? `The preview could not be worked out: ${messageOf(error)}`
      : pending
        ? "Updating the preview…"
        : preview
          ? "Preview up to date."
          : "";
  return (
    <section className="card preview" aria-labelledby="preview-heading" aria-busy={pending || undefined}>
      <div className="preview-head">
        <h2 id="preview-heading">What-if preview</h2>
        <div className="field inline-field">
          <label htmlFor="preview-weeks">Horizon</label>
          <select id="preview-weeks" value={weeks} onChange={(event) => onWeeksChange(Number(event.target.value))}>
            {HORIZON_WEEKS.map((w) => (
              <option key={w} value={w}>
                {w} weeks
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className={`preview-status ${problem || error ? "field-error" : "stat-note"}`} role="status">
        {status}
      </p>
      {preview && (
        <div className={pending || problem ? "preview-body is-stale" : "preview-body"}>
          <p className="stat-note">
            {DateTime.fromJSDate(preview.window.from, { zone }).toFormat("ccc d LLL yyyy")} –{" "}
            {DateTime.fromJSDate(preview.window.to, { zone }).toFormat("ccc d LLL yyyy")}: this rotation plus
            everyone&apos;s other rotations in the team, and the toil each person logged in the last{" "}
            {preview.projectionBasis.loggedToilFromWeeks} weeks. Nothing is saved yet.
          </p>
          <QualityFigures quality={preview.quality} />
          {preview.people.length === 0 ? (
            <p className="stat-note">Add participants to see their projected shares.</p>
          ) : (
            <>
              <ProjectedSharesChart
                people={preview.people}
                toilCap={preview.caps.toilCap}
                onCallCap={preview.caps.onCallCap}
              />
              <SharesTable people={preview.people} preview={preview} weeks={weeks} />
            </>
          )}
          <CoverageGaps
            gaps={preview.gaps}
            zone={preview.timeZone}
            headingId="preview-gaps-heading"
            heading="Nobody on duty"
          />
          <WarningsList warnings={preview.warnings} />
          <TurnsBeforeAfter turns={preview.turns} zone={zone} />
          {preview.shifts.length > 0 && (
            <section className="preview-section" aria-labelledby="preview-turns-heading">
              <h3 id="preview-turns-heading" className="subhead">
                First turns
              </h3>
              <ol className="turn-list">
                {preview.shifts.slice(0, TURNS_SHOWN).map((shift) => (
                  <li key={`${shift.personId}-${shift.startsAt.toISOString()}`}>
                    <span className="turn-when">{spanText(shift.startsAt, shift.endsAt, zone)}</span> {shift.name}
                    {shift.source === "override" && <span className="badge subtle">cover</span>}
                    {shift.onLeave && <span className="badge over">on leave</span>}
                  </li>
                ))}
              </ol>
            </section>
          )}
        </div>
      )}
    </section>
  );
}
