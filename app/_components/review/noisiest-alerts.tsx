"use client";

import { lastDayText } from "./format";
import type { ActiveSilence, NoisyAlertData } from "./types";
import { scrollRegion } from "@/app/_components/scroll-region";

/** The alert names that paged most this week, how many of those pages were worth it, and each one's silence. */
export function NoisiestAlerts({
  alerts,
  silences,
  timeZone,
  onSilence,
  onLift,
  lifting,
}: {
  alerts: NoisyAlertData[];
  silences: ActiveSilence[];
  timeZone: string;
  onSilence: (alert: NoisyAlertData) => void;
  onLift: (silenceId: string) => void;
  lifting: boolean;
}) {
  const liftable = new Set(silences.filter((s) => s.canLift).map((s) => s.id));
  return (
    <section className="card report-card" aria-labelledby="noisiest-heading">
      <h2 id="noisiest-heading">Noisiest alerts</h2>
      {alerts.length === 0 ? (
        <p className="stat-note">No alert paged in these 7 days.</p>
      ) : (
        <div {...scrollRegion("Noisiest alerts")}>
          <table aria-labelledby="noisiest-heading" className="noisiest-table">
            <thead>
              <tr>
                <th scope="col" className="num">
                  #
                </th>
                <th scope="col">Alert</th>
                <th scope="col" className="num">
                  Pages
                </th>
                <th scope="col" className="num">
                  Actionable
                </th>
                <th scope="col" className="num">
                  Not actionable
                </th>
                <th scope="col" className="num">
                  Not reviewed
                </th>
                <th scope="col">Silence</th>
              </tr>
            </thead>
            <tbody>
              {alerts.map((alert, index) => (
                <tr key={alert.alertName}>
                  <td className="num">{index + 1}</td>
                  <th scope="row">{alert.alertName}</th>
                  <td className="num">
                    <strong>{alert.pages}</strong>
                    {alert.silencedPages > 0 && <span className="stat-note"> ({alert.silencedPages} silenced)</span>}
                  </td>
                  <td className="num">{alert.actionable}</td>
                  <td className="num">{alert.notActionable}</td>
                  <td className="num">{alert.unreviewed}</td>
                  <td>
                    {alert.silence ? (
                      <span className="silence-cell">
                        <span className="badge subtle">silenced</span> until{" "}
                        {lastDayText(alert.silence.until, timeZone)}
                        {liftable.has(alert.silence.id) && (
                          <button
                            type="button"
                            className="link-button"
                            disabled={lifting}
                            onClick={() => alert.silence && onLift(alert.silence.id)}
                          >
                            Lift<span className="visually-hidden"> the silence of {alert.alertName}</span>
                          </button>
                        )}
                      </span>
                    ) : alert.canSilence ? (
                      <button type="button" className="link-button" onClick={() => onSilence(alert)}>
                        Silence…<span className="visually-hidden"> {alert.alertName}</span>
                      </button>
                    ) : (
                      <span className="stat-note">not silenced</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
