"use client";

import { lastDayText } from "./format";
import type { ActiveSilence } from "./types";

/** The team's silences in force now, whatever week is shown: what waits for which fix, until when. */
export function SilencesList({
  silences,
  timeZone,
  onChange,
  onLift,
  lifting,
}: {
  silences: ActiveSilence[];
  timeZone: string;
  onChange: (silence: ActiveSilence) => void;
  onLift: (silenceId: string) => void;
  lifting: boolean;
}) {
  return (
    <section className="card report-card" aria-labelledby="silences-heading">
      <h2 id="silences-heading">Silences in force</h2>
      {silences.length === 0 ? (
        <p className="stat-note">
          No alert is silenced. Silence one from the noisiest alerts when its root-cause fix is scheduled.
        </p>
      ) : (
        <ul className="silence-list">
          {silences.map((silence) => (
            <li key={silence.id}>
              <div>
                <strong>{silence.alertName}</strong> until the end of {lastDayText(silence.until, timeZone)}
                {silence.fixUrl && (
                  <>
                    {" · "}
                    <a href={silence.fixUrl} target="_blank" rel="noreferrer">
                      root-cause fix
                      <span className="visually-hidden"> for {silence.alertName} (opens in a new tab)</span>
                    </a>
                  </>
                )}
              </div>
              <div className="stat-note">
                {silence.reason ? `${silence.reason} · ` : ""}set by {silence.createdBy?.name ?? "someone"}
              </div>
              {silence.canLift && (
                <div className="row-actions">
                  <button type="button" className="link-button" onClick={() => onChange(silence)}>
                    Change<span className="visually-hidden"> the silence of {silence.alertName}</span>
                  </button>
                  <button
                    type="button"
                    className="link-button danger"
                    disabled={lifting}
                    onClick={() => onLift(silence.id)}
                  >
                    Lift silence<span className="visually-hidden"> of {silence.alertName}</span>
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
