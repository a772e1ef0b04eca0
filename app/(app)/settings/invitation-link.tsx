"use client";

import { CopyOnce } from "@/app/_components/copy-once";

/** Whether the link also went by email: undefined when no mail server is set up, so nothing was tried. */
export function emailedSentence(emailed: boolean | undefined): string {
  if (emailed === true) return "It was emailed to them. ";
  if (emailed === false) return "The email could not be sent: give them the link yourself. ";
  return "";
}

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
  return (
    <CopyOnce value={`${window.location.origin}${path}`} what="Invitation link" label="Invitation link" onDone={onDone}>
      <strong>Invitation for {email} created.</strong> {emailedSentence(emailed)}
      The link works once, for a week, and is shown only now.
    </CopyOnce>
  );
}
