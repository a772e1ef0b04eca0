"use client";

import { CopyOnce } from "@/app/_components/copy-once";
import { localDateTime } from "@/app/_lib/format";
import { emailedSentence } from "../invitation-link";

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
  return (
    <CopyOnce
      value={`${window.location.origin}${issued.path}`}
      what="Password-reset link"
      label={`Password-reset link for ${issued.name}`}
      onDone={onDone}
    >
      <strong>
        Password-reset link for {issued.name} ({issued.email}).
      </strong>{" "}
      {emailedSentence(issued.emailed)}
      It works once, until {localDateTime(issued.expiresAt, timeZone)}, and is shown only now. Any older link of theirs
      no longer works.
    </CopyOnce>
  );
}
