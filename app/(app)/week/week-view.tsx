"use client";

import { useQuery } from "@tanstack/react-query";
import { DateTime } from "luxon";
import { useState } from "react";
import { formatMinutes } from "@/app/_lib/format";
import { useTRPC } from "@/app/_lib/trpc";
import { useQuickLog } from "@/app/_components/quick-log";
import { clockOf } from "@/app/_components/work/datetime";
import type { WeekData, WeekDay, WeekEntry } from "@/app/_components/work/types";
import { isOptimistic, useRemoveEntry } from "@/app/_components/work/use-log";
import { httpHref } from "@/server/security/safe-link";
import { InterruptItem } from "./interrupt-item";
import { SaveTemplateDialog } from "./save-template-dialog";

function EntryRow({
  entry,
  zone,
  onSaveTemplate,
}: {
  entry: WeekEntry;
  zone: string;
  onSaveTemplate: (entry: WeekEntry) => void;
}) {
  const { openEdit } = useQuickLog();
  const remove = useRemoveEntry();
  const pending = isOptimistic(entry.id);
  const ends = new Date(entry.startsAt.getTime() + entry.minutes * 60_000);
  const href = httpHref(entry.link);
  return (
    <tr className={pending ? "pending-row" : undefined} aria-busy={pending || undefined}>
      <td className="nowrap">
        {clockOf(entry.startsAt, zone)}–{clockOf(ends, zone)}
      </td>
      <td>
        {href ? (
          <a href={href} target="_blank" rel="noreferrer">
            {entry.summary}
          </a>
        ) : (
          entry.summary
        )}
        {entry.interruptId && <span className="badge subtle">interrupt</span>}
      </td>
      <td>{entry.serviceName ?? "—"}</td>
      <td>
        <span className={`badge ${entry.category}`}>{entry.category}</span>
      </td>
      <td className="num">{formatMinutes(entry.minutes)}</td>
      <td className="row-actions">
        <button type="button" className="link-button" onClick={() => openEdit(entry)} disabled={pending}>
          Edit<span className="visually-hidden"> {entry.summary}</span>
        </button>
        <button type="button" className="link-button" onClick={() => onSaveTemplate(entry)} disabled={pending}>
          Save as template<span className="visually-hidden">: {entry.summary}</span>
        </button>
        <button
          type="button"
          className="link-button danger"
          onClick={() => remove.mutate({ id: entry.id })}
          disabled={pending || remove.isPending}
        >
          Delete<span className="visually-hidden"> {entry.summary}</span>
        </button>
      </td>
    </tr>
  );
}

function dayTotals(day: WeekDay) {
  const toil = day.entries.filter((e) => e.category === "toil").reduce((sum, e) => sum + e.minutes, 0);
  const overhead = day.entries.filter((e) => e.category === "overhead").reduce((sum, e) => sum + e.minutes, 0);
  return { toil, overhead };
}

function Day({
  day,
  zone,
  onSaveTemplate,
}: {
  day: WeekDay;
  zone: string;
  onSaveTemplate: (entry: WeekEntry) => void;
}) {
  const date = DateTime.fromISO(day.date, { zone });
  const isToday = date.hasSame(DateTime.now().setZone(zone), "day");
  const headingId = `day-${day.date}`;
  const { toil, overhead } = dayTotals(day);
  const empty = day.entries.length === 0 && day.interrupts.length === 0;
  return (
    <section
      className={`card day ${empty ? "day-empty" : ""} ${isToday ? "day-today" : ""}`}
      aria-labelledby={headingId}
    >
      <header className="day-head">
        <h2 id={headingId}>
          {date.toFormat("cccc d LLLL")}
          {isToday && <span className="badge today">today</span>}
        </h2>
        <p className="day-total">
          {empty ? (
            "Nothing logged"
          ) : (
            <>
              {(toil > 0 || overhead === 0) && (
                <>
                  <strong>{formatMinutes(toil)}</strong> toil
                </>
              )}
              {toil > 0 && overhead > 0 && " · "}
              {overhead > 0 && <>{formatMinutes(overhead)} overhead</>}
              {day.interrupts.length > 0 && (
                <>
                  {" · "}
                  {day.interrupts.length} interrupt{day.interrupts.length === 1 ? "" : "s"}
                </>
              )}
            </>
          )}
        </p>
      </header>
      {day.entries.length > 0 && (
        <table className="entries">
          <caption className="visually-hidden">Entries on {date.toFormat("cccc d LLLL")}</caption>
          <colgroup>
            <col className="col-time" />
            <col />
            <col className="col-service" />
            <col className="col-category" />
            <col className="col-minutes" />
            <col className="col-actions" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Summary</th>
              <th scope="col">Service</th>
              <th scope="col">Category</th>
              <th scope="col" className="num">
                Minutes
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {day.entries.map((entry) => (
              <EntryRow key={entry.id} entry={entry} zone={zone} onSaveTemplate={onSaveTemplate} />
            ))}
          </tbody>
          {day.entries.length > 1 && (
            <tfoot>
              <tr>
                <th scope="row" colSpan={4}>
                  Day total
                </th>
                <td className="num">{formatMinutes(toil + overhead)}</td>
                <td />
              </tr>
            </tfoot>
          )}
        </table>
      )}
      {day.interrupts.length > 0 && (
        <div className="interrupts">
          <h3 className="subhead">Interrupts</h3>
          <ul className="interrupt-list">
            {day.interrupts.map((item) => (
              <InterruptItem key={item.id} item={item} zone={zone} />
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** The week's days, Monday to Sunday on the viewer's wall clock, kept live through the query cache. */
export function WeekView({ initial, at }: { initial: WeekData; at: string | null }) {
  const trpc = useTRPC();
  const { data: week } = useQuery(
    trpc.workLog.week.queryOptions(at ? { at: new Date(at) } : {}, { initialData: initial }),
  );
  const [templateFor, setTemplateFor] = useState<WeekEntry | null>(null);
  const allEntries = week.days.flatMap((d) => d.entries);
  const toil = allEntries.filter((e) => e.category === "toil").reduce((sum, e) => sum + e.minutes, 0);
  const overhead = allEntries.filter((e) => e.category === "overhead").reduce((sum, e) => sum + e.minutes, 0);
  const interrupts = week.days.reduce((sum, d) => sum + d.interrupts.length, 0);
  return (
    <>
      <section className="week-summary" aria-label="Week totals">
        <div>
          <span className="stat-label">Toil logged</span>
          <span className="week-stat">{formatMinutes(toil)}</span>
        </div>
        <div>
          <span className="stat-label">Overhead</span>
          <span className="week-stat">{formatMinutes(overhead)}</span>
        </div>
        <div>
          <span className="stat-label">Interrupts</span>
          <span className="week-stat">{interrupts}</span>
        </div>
        <div>
          <span className="stat-label">Entries</span>
          <span className="week-stat">{allEntries.length}</span>
        </div>
      </section>
      <div className="week-days">
        {week.days.map((day) => (
          <Day key={day.date} day={day} zone={week.timeZone} onSaveTemplate={setTemplateFor} />
        ))}
      </div>
      <SaveTemplateDialog entry={templateFor} onClose={() => setTemplateFor(null)} />
    </>
  );
}
