"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { formatMinutes } from "@/app/_lib/format";
import { messageOf } from "@/app/_lib/field-errors";
import { useTRPC } from "@/app/_lib/trpc";
import { useStatus } from "./app-status";
import { useWorkLogCache } from "./work/cache";
import { elapsedText } from "./work/datetime";
import type { RunningTimer } from "./work/types";
import { useWork } from "./work/work-context";

function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const tick = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(tick);
  }, [active]);
  return now;
}

/**
 * The running timer in the header, on every page: summary, elapsed time ticking, Stop and Discard.
 * The timer lives on the server, so it survives reloads; `initial` is what the server rendered.
 */
export function TimerIndicator({ initial }: { initial: RunningTimer | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const cache = useWorkLogCache();
  const announce = useStatus();
  const { timeZone } = useWork();
  const current = useQuery(trpc.timer.current.queryOptions(undefined, { initialData: initial }));
  const timer = current.data ?? null;
  const now = useNow(timer !== null);

  const stop = useMutation(
    trpc.timer.stop.mutationOptions({
      onSuccess: ({ entry, capped }) => {
        queryClient.setQueryData(trpc.timer.current.queryKey(), null);
        cache.put(entry, timeZone);
        announce({
          text: `Timer stopped: logged ${formatMinutes(entry.minutes)} for ${entry.summary}.${capped ? " It ran past a day, so it was capped at 24 h." : ""}`,
        });
      },
      onError: (error) => announce({ text: `Could not stop the timer: ${messageOf(error)}`, tone: "error" }),
      onSettled: async () => {
        await queryClient.invalidateQueries(trpc.timer.current.queryFilter());
        await cache.refresh();
      },
    }),
  );
  const discard = useMutation(
    trpc.timer.discard.mutationOptions({
      onSuccess: () => {
        queryClient.setQueryData(trpc.timer.current.queryKey(), null);
        announce({ text: "Timer discarded: nothing was logged.", tone: "info" });
      },
      onError: (error) => announce({ text: `Could not discard the timer: ${messageOf(error)}`, tone: "error" }),
      onSettled: () => queryClient.invalidateQueries(trpc.timer.current.queryFilter()),
    }),
  );

  if (!timer) return null;
  const pending = stop.isPending || discard.isPending;
  const elapsed = elapsedText(now - timer.startedAt.getTime());
  return (
    <section className="timer" aria-label="Running timer">
      <span className="timer-dot" aria-hidden="true" />
      <span className="timer-summary" title={timer.summary}>
        {timer.summary}
      </span>
      <time
        className="timer-elapsed"
        dateTime={`PT${Math.max(0, Math.floor((now - timer.startedAt.getTime()) / 1000))}S`}
      >
        {elapsed}
      </time>
      <button type="button" className="button small" onClick={() => stop.mutate()} disabled={pending}>
        {stop.isPending ? "Stopping…" : "Stop"}
      </button>
      <button type="button" className="button secondary small" onClick={() => discard.mutate()} disabled={pending}>
        Discard
      </button>
    </section>
  );
}
