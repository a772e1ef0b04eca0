"use client";

import { useRef } from "react";
import { useStatus } from "@/app/_components/app-status";
import { localDateTime } from "@/app/_lib/format";

/** The one moment a password-reset link exists outside the person's inbox: copy it now. */
export function ResetLink({
  issued,
  timeZone,
  onDone,
}: {
  issued: { name: string; email: string; path: string; expiresAt: Date; emailed?: boolean };
  timeZone: string;
  onDone: () => void;
}) {
  const announce = useStatus();
  const input = useRef<HTMLInputElement>(null);
  const link = `${window.location.origin}${issued.path}`;

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      announce({ text: "Password-reset link copied." });
    } catch {
      input.current?.select();
      announce({ text: "Press Ctrl+C (or ⌘C) to copy the selected link.", tone: "info" });
    }
  }

  return (
    <div className="alert ok reset-link" role="status">
      <span>
        <strong>
          Password-reset link for {issued.name} ({issued.email}).
        </strong>{" "}
        {issued.emailed === true
          ? "It was emailed to them. "
          : issued.emailed === false
            ? "The email could not be sent: give them the link yourself. "
            : ""}
        It works once, until {localDateTime(issued.expiresAt, timeZone)}, and is shown only now. Any older link of
        theirs no longer works.
      </span>
      <div className="input-with-button">
        <input
          ref={input}
          readOnly
          value={link}
          aria-label={`Password-reset link for ${issued.name}`}
          onFocus={(event) => event.target.select()}
        />
        <button type="button" className="button secondary small" onClick={copy}>
          Copy
        </button>
        <button type="button" className="button small" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}
