"use client";

import { type QueryKey, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTRPC } from "@/app/_lib/trpc";
import { isoDateIn } from "./datetime";
import type { RecentEntry, WeekData, WeekEntry } from "./types";

export type CacheSnapshot = Array<[QueryKey, unknown]>;

const byStart = (a: { startsAt: Date }, b: { startsAt: Date }) => a.startsAt.getTime() - b.startsAt.getTime();

function withEntry(week: WeekData, entry: WeekEntry, zone: string): WeekData {
  if (entry.startsAt < week.from || entry.startsAt >= week.to) return week;
  const date = isoDateIn(entry.startsAt, zone);
  return {
    ...week,
    days: week.days.map((day) =>
      day.date === date
        ? { ...day, entries: [...day.entries.filter((e) => e.id !== entry.id), entry].sort(byStart) }
        : day,
    ),
  };
}

function withoutEntry(week: WeekData, id: string): WeekData {
  return { ...week, days: week.days.map((day) => ({ ...day, entries: day.entries.filter((e) => e.id !== id) })) };
}

function asRecent(entry: WeekEntry): RecentEntry {
  return {
    id: entry.id,
    startsAt: entry.startsAt,
    minutes: entry.minutes,
    category: entry.category,
    summary: entry.summary,
    service: entry.serviceName,
  };
}

/**
 * Optimistic edits of the cached week and recent lists: every cached week (whatever its ?at=) and every
 * recent list gets the change at once; the snapshot puts them back when the server refuses.
 */
export function useWorkLogCache() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMemo(() => {
    const weeks = trpc.workLog.week.pathFilter();
    const recents = trpc.workLog.recent.pathFilter();
    return {
      async snapshot(): Promise<CacheSnapshot> {
        await Promise.all([queryClient.cancelQueries(weeks), queryClient.cancelQueries(recents)]);
        return [...queryClient.getQueriesData(weeks), ...queryClient.getQueriesData(recents)];
      },
      rollback(snapshot: CacheSnapshot | undefined) {
        for (const [key, data] of snapshot ?? []) queryClient.setQueryData(key, data);
      },
      /** Inserts or replaces (same id) an entry; `replaces` swaps an optimistic id for the real one. */
      put(entry: WeekEntry, zone: string, replaces?: string) {
        queryClient.setQueriesData<WeekData>(weeks, (week) => {
          if (!week) return week;
          return withEntry(withoutEntry(week, replaces ?? entry.id), entry, zone);
        });
        queryClient.setQueriesData<RecentEntry[]>(recents, (list) => {
          if (!list) return list;
          const rest = list.filter((e) => e.id !== entry.id && e.id !== replaces);
          return [...rest, asRecent(entry)].sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime());
        });
      },
      remove(id: string) {
        queryClient.setQueriesData<WeekData>(weeks, (week) => (week ? withoutEntry(week, id) : week));
        queryClient.setQueriesData<RecentEntry[]>(recents, (list) => list?.filter((e) => e.id !== id));
      },
      /** After any change to the log: lists, shares and the trend are recomputed by the server. */
      async refresh() {
        await Promise.all([
          queryClient.invalidateQueries(weeks),
          queryClient.invalidateQueries(recents),
          queryClient.invalidateQueries(trpc.share.pathFilter()),
          queryClient.invalidateQueries(trpc.breaches.mine.queryFilter()),
        ]);
      },
    };
  }, [trpc, queryClient]);
}
