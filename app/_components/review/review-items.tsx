"use client";

import { useState } from "react";
import { CAUSE_LABELS } from "@/server/schemas/review";
import { formatMinutes, localDateTime } from "@/app/_lib/format";
import type { ReviewItemData } from "./types";
import { scrollRegion } from "@/app/_components/scroll-region";

const FILTERS = {
  all: { label: "All", test: () => true },
  open: { label: "Not reviewed", test: (item: ReviewItemData) => item.actionable === null },
  pages: { label: "Pages", test: (item: ReviewItemData) => item.kind === "page" },
  tickets: { label: "Tickets and requests", test: (item: ReviewItemData) => item.kind !== "page" },
} as const;
type Filter = keyof typeof FILTERS;

function whoText(item: ReviewItemData): string {
  const names = item.assignees.map((person) => person.name);
  if (item.hiddenAssignees > 0)
    names.push(item.hiddenAssignees === 1 && names.length === 0 ? "a teammate" : `${item.hiddenAssignees} more`);
  return names.length > 0 ? names.join(", ") : "nobody credited";
}

function ReviewState({ item, timeZone }: { item: ReviewItemData; timeZone: string }) {
  if (item.actionable === null) return <span className="badge warn-soft">not reviewed</span>;
  return (
    <span className="review-state">
      <span className={`badge ${item.actionable ? "under" : "subtle-strong"}`}>
        {item.actionable ? "actionable" : "not actionable"}
      </span>
      {item.cause && <span className="review-cause">{CAUSE_LABELS[item.cause]}</span>}
      {item.fixUrl && (
        <a href={item.fixUrl} target="_blank" rel="noreferrer">
          fix<span className="visually-hidden"> for {item.summary} (opens in a new tab)</span>
        </a>
      )}
      {item.reviewedBy && item.reviewedAt && (
        <span className="stat-note review-by">
          by {item.reviewedBy.name}, {localDateTime(item.reviewedAt, timeZone)}
        </span>
      )}
    </span>
  );
}

/** The week's pages (an incident's together) and tickets, earliest first, each with its review and a Review button. */
export function ReviewItems({
  items,
  timeZone,
  silencedNames,
  onReview,
  onSilence,
}: {
  items: ReviewItemData[];
  timeZone: string;
  silencedNames: ReadonlySet<string>;
  onReview: (item: ReviewItemData) => void;
  onSilence: (item: ReviewItemData & { alertName: string }) => void;
}) {
  const [filter, setFilter] = useState<Filter>("all");
  const shown = items.filter(FILTERS[filter].test);
  return (
    <section className="card report-card" aria-labelledby="review-items-heading">
      <div className="table-head">
        <h2 id="review-items-heading">Pages and tickets</h2>
        <fieldset className="review-filter">
          <legend className="visually-hidden">Show</legend>
          <div className="segmented">
            {(Object.keys(FILTERS) as Filter[]).map((key) => (
              <label key={key}>
                <input
                  type="radio"
                  name="review-filter"
                  value={key}
                  checked={filter === key}
                  onChange={() => setFilter(key)}
                />
                <span>
                  {FILTERS[key].label} ({items.filter(FILTERS[key].test).length})
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      {shown.length === 0 ? (
        <p className="stat-note">
          {items.length === 0 ? "No pages or tickets in these 7 days." : "Nothing here: try another filter."}
        </p>
      ) : (
        <div {...scrollRegion("Interrupts to review")}>
          <table aria-labelledby="review-items-heading" className="review-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">What</th>
                <th scope="col">Who got it</th>
                <th scope="col" className="num">
                  Time logged
                </th>
                <th scope="col">Review</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((item) => {
                const alertName = item.alertName;
                return (
                  <tr key={item.id} className={item.actionable === null ? "is-open" : undefined}>
                    <td className="nowrap">{localDateTime(item.openedAt, timeZone)}</td>
                    <td>
                      <div className="review-badges">
                        <span className={`badge kind-${item.kind}`}>{item.kind}</span>
                        <span className={`badge severity-${item.severity}`}>{item.severity}</span>
                        {item.isIncident && <span className="badge over">incident</span>}
                        {item.silenced && <span className="badge subtle">silenced</span>}
                      </div>
                      <div className="review-what">{item.summary}</div>
                      {(alertName || item.service) && (
                        <div className="stat-note">{[alertName, item.service].filter(Boolean).join(" · ")}</div>
                      )}
                      {item.pages.length > 1 && (
                        <details className="review-pages">
                          <summary>{item.pages.length} pages in this incident</summary>
                          <ul>
                            {item.pages.map((page) => (
                              <li key={page.id}>
                                {localDateTime(page.openedAt, timeZone)} · {page.alertName ?? "page"}
                                {page.service && ` (${page.service})`}: {page.summary}
                                {page.silenced && <span className="badge subtle">silenced</span>}
                              </li>
                            ))}
                          </ul>
                        </details>
                      )}
                    </td>
                    <td>{whoText(item)}</td>
                    <td className="num">{item.loggedMinutes > 0 ? formatMinutes(item.loggedMinutes) : "–"}</td>
                    <td>
                      <ReviewState item={item} timeZone={timeZone} />
                      {item.canReview && (
                        <div className="row-actions review-actions">
                          <button type="button" className="link-button" onClick={() => onReview(item)}>
                            {item.actionable === null ? "Review" : "Change review"}
                            <span className="visually-hidden">
                              {" "}
                              of {item.summary}, {localDateTime(item.openedAt, timeZone)}
                            </span>
                          </button>
                          {alertName && !silencedNames.has(alertName) && (
                            <button
                              type="button"
                              className="link-button"
                              onClick={() => onSilence({ ...item, alertName })}
                            >
                              Silence…<span className="visually-hidden"> {alertName}</span>
                            </button>
                          )}
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
