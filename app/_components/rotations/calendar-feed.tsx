"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { messageOf } from "@/app/_lib/field-errors";
import { useTRPC } from "@/app/_lib/trpc";
import { useStatus } from "@/app/_components/app-status";

/**
 * The secret iCalendar feed of your own shifts (or of one rotation), shown on request: asking enables the feed,
 * so it is not asked for on every page view. Anyone with the address can read the schedule, hence the warning.
 */
export function CalendarFeed({ teamId, rotationId, label }: { teamId: string; rotationId?: string; label: string }) {
  const trpc = useTRPC();
  const announce = useStatus();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const links = useQuery(trpc.rotations.calendarLinks.queryOptions({ teamId }, { enabled: open, staleTime: Number.POSITIVE_INFINITY }));
  const link = rotationId ? links.data?.rotations.find((r) => r.rotationId === rotationId) : links.data?.personal;
  const address = link ? (link.url ?? new URL(link.path, window.location.origin).toString()) : "";

  async function copy() {
    try {
      await navigator.clipboard.writeText(address);
      announce({ text: "Calendar address copied." });
    } catch {
      input.current?.select();
      announce({ text: "Press Ctrl+C (or ⌘C) to copy the selected address.", tone: "info" });
    }
  }

  if (!open) {
    return (
      <button type="button" className="link-button calendar-toggle" onClick={() => setOpen(true)}>
        {label}
      </button>
    );
  }
  return (
    <div className="calendar-feed">
      {links.isPending && <p className="stat-note">Preparing your calendar address…</p>}
      {links.error && (
        <p className="field-error" role="alert">
          {messageOf(links.error)}
        </p>
      )}
      {link && (
        <div className="field">
          <label htmlFor={`${id}-url`}>{label}: calendar address</label>
          <div className="input-with-button">
            <input id={`${id}-url`} ref={input} readOnly value={address} onFocus={(event) => event.target.select()} aria-describedby={`${id}-hint`} />
            <button type="button" className="button secondary small" onClick={copy}>
              Copy
            </button>
          </div>
          <span className="hint" id={`${id}-hint`}>
            Add it in Google Calendar (Other calendars → From URL) or Outlook (Subscribe from web), or{" "}
            <a href={address.replace(/^https?:/, "webcal:")}>open it in your calendar app</a>. Keep it private: anyone with the address
            can read these shifts.
          </span>
        </div>
      )}
    </div>
  );
}
