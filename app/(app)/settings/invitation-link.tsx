"use client";

import { useRef } from "react";
import { useStatus } from "@/app/_components/app-status";

/** The one moment an invitation link exists outside the invitee's inbox: copy it now. */
export function InvitationLink({
  path,
  email,
  emailed,
  onDone,
}: {
  path: string;
  email: string;
  emailed?: boolean;
  onDone: () => void;
}) {
  const announce = useStatus();
  const input = useRef<HTMLInputElement>(null);
  const link = `${window.location.origin}${path}`;

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      announce({ text: "Invitation link copied." });
    } catch {
      input.current?.select();
      announce({ text: "Press Ctrl+C (or ⌘C) to copy the selected link.", tone: "info" });
    }
  }

  return (
    <div className="alert ok" role="status" style={{ display: "flex", flexDirection: "column", gap: "0.6rem" }}>
      <span>
        <strong>Invitation for {email} created.</strong>{" "}
        {emailed === true
          ? "It was emailed to them. "
          : emailed === false
            ? "The email could not be sent: give them the link yourself. "
            : ""}
        The link works once, for a week, and is shown only now.
      </span>
      <div className="input-with-button">
        <input
          ref={input}
          readOnly
          value={link}
          aria-label="Invitation link"
          onFocus={(event) => event.target.select()}
          style={{ fontFamily: "ui-monospace, monospace", flex: 1, minWidth: 0 }}
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
