"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { messageOf } from "@/app/_lib/field-errors";
import { localDateTime } from "@/app/_lib/format";
import { useTRPC } from "@/app/_lib/trpc";
import { useStatus } from "@/app/_components/app-status";
import { useCopy } from "@/app/_components/copy-once";

/**
 * The secret iCalendar feed of your own shifts (or of one rotation), asked for on request. Only a digest of the
 * address is kept, so it is shown once, when made or reset; resetting stops the old address at once.
 */
export function CalendarFeed({
  teamId,
  rotationId,
  label,
  timeZone,
}: {
  teamId: string;
  rotationId?: string;
  label: string;
  timeZone: string;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const announce = useStatus();
  const id = useId();
  const [open, setOpen] = useState(false);
  const feeds = useQuery(trpc.rotations.calendarFeeds.queryOptions({ teamId }, { enabled: open }));
  const reset = useMutation(
    trpc.rotations.resetCalendarLink.mutationOptions({
      onSuccess: (made) =>
        announce({
          text: made.replaced ? "New calendar address made: the old one no longer works." : "Calendar address made.",
          tone: "ok",
        }),
      onSettled: () => queryClient.invalidateQueries(trpc.rotations.calendarFeeds.queryFilter({ teamId })),
    }),
  );
  const state = rotationId
    ? feeds.data?.rotations.find((r) => r.rotationId === rotationId)?.feed
    : feeds.data?.personal;
  const shown = reset.data ? (reset.data.url ?? new URL(reset.data.path, window.location.origin).toString()) : null;

  if (!open) {
    return (
      <button type="button" className="link-button calendar-toggle" onClick={() => setOpen(true)}>
        {label}
      </button>
    );
  }
  return (
    <div className="calendar-feed">
      {feeds.isPending && <p className="stat-note">Looking up your calendar address…</p>}
      {(feeds.error ?? reset.error) && (
        <p className="field-error" role="alert">
          {messageOf(feeds.error ?? reset.error)}
        </p>
      )}
      {shown && <FeedAddress id={id} label={label} address={shown} />}
      {feeds.data && (
        <div className="calendar-feed-state">
          <p className="stat-note" id={`${id}-state`}>
            {state
              ? `You have a calendar address for this (made ${localDateTime(state.createdAt, timeZone)}${state.resetAt ? `, last reset ${localDateTime(state.resetAt, timeZone)}` : ""}). It is shown only when made; if you lost it or it leaked, reset it: the old address stops working at once.`
              : "You have no calendar address for this yet. It is shown once, when made."}
          </p>
          <button
            type="button"
            className={state ? "button secondary small" : "button small"}
            disabled={reset.isPending}
            aria-label={state ? `Reset link for ${label}` : `Make calendar address for ${label}`}
            aria-describedby={`${id}-state`}
            onClick={() => reset.mutate({ teamId, rotationId })}
          >
            {state ? "Reset link" : "Make calendar address"}
          </button>
        </div>
      )}
    </div>
  );
}

function FeedAddress({ id, label, address }: { id: string; label: string; address: string }) {
  const { input, copy } = useCopy(address, "Calendar address");

  return (
    <div className="field">
      <label htmlFor={`${id}-url`}>{label}: calendar address</label>
      <div className="input-with-button">
        <input
          id={`${id}-url`}
          ref={input}
          readOnly
          value={address}
          onFocus={(event) => event.target.select()}
          aria-describedby={`${id}-hint`}
        />
        <button type="button" className="button secondary small" onClick={copy}>
          Copy
        </button>
      </div>
      <span className="hint" id={`${id}-hint`}>
        Shown only now: copy it. Add it in Google Calendar (Other calendars → From URL) or Outlook (Subscribe from web),
        or <a href={address.replace(/^https?:/, "webcal:")}>open it in your calendar app</a>. Keep it private: anyone
        with the address can read these shifts.
      </span>
    </div>
  );
}
