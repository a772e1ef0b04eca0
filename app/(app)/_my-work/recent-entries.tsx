"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/app/_lib/trpc";
import { formatMinutes, localDateTime } from "@/app/_lib/format";
import { EmptyState } from "@/app/_components/empty-state";
import { isOptimistic } from "@/app/_components/work/use-log";
import type { RecentEntry } from "@/app/_components/work/types";

/** `limit` must match what the server rendered `initial` with: it is part of the cache key. */
export function RecentEntries({
  initial,
  limit,
  timeZone,
}: {
  initial: RecentEntry[];
  limit: number;
  timeZone: string;
}) {
  const trpc = useTRPC();
  const { data: entries } = useQuery(trpc.workLog.recent.queryOptions({ limit }, { initialData: initial }));
  if (entries.length === 0) {
    return (
      <EmptyState title="Nothing logged yet">
        <p>
          Press <kbd>N</kbd> to log toil; what you log counts toward your toil share.
        </p>
      </EmptyState>
    );
  }
  return (
    <div className="card flush">
      <table className="recent-table">
        <caption className="visually-hidden">Your latest entries</caption>
        <thead>
          <tr>
            <th scope="col">Started</th>
            <th scope="col">Summary</th>
            <th scope="col">Service</th>
            <th scope="col">Category</th>
            <th scope="col" className="num">
              Time
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr
              key={entry.id}
              className={isOptimistic(entry.id) ? "pending-row" : undefined}
              aria-busy={isOptimistic(entry.id) || undefined}
            >
              <td className="nowrap">{localDateTime(entry.startsAt, timeZone)}</td>
              <td>{entry.summary}</td>
              <td>{entry.service ?? "—"}</td>
              <td>
                <span className={`badge ${entry.category === "toil" ? "toil" : "overhead"}`}>{entry.category}</span>
              </td>
              <td className="num">{formatMinutes(entry.minutes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="card-foot">
        <Link href="/week">Edit, delete or save entries as templates in your week →</Link>
      </p>
    </div>
  );
}
