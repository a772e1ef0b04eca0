"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { messageOf } from "@/app/_lib/field-errors";
import { localDateTime } from "@/app/_lib/format";
import { useTRPC } from "@/app/_lib/trpc";
import type { PendingInvitation, SentInvitation } from "@/server/services/people/invitations";
import { InvitationLink } from "./invitation-link";
import { scrollRegion } from "@/app/_components/scroll-region";

/** Invitations waiting for an answer, for managers: revoke one, or re-issue a link (the old one stops working). */
export function PendingInvitations({
  teamId,
  initial,
  timeZone,
}: {
  teamId: string;
  initial: PendingInvitation[];
  timeZone: string;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pending = useQuery(trpc.teams.invitations.queryOptions({ teamId }, { initialData: initial }));
  const [link, setLink] = useState<Extract<SentInvitation, { outcome: "link" }> | null>(null);
  const refresh = () => queryClient.invalidateQueries(trpc.teams.invitations.pathFilter());
  const revoke = useMutation(trpc.teams.revokeInvitation.mutationOptions({ onSettled: refresh }));
  const reissue = useMutation(
    trpc.teams.reissueInvitation.mutationOptions({
      onSuccess: (result) => setLink(result.outcome === "link" ? result : null),
      onSettled: refresh,
    }),
  );
  const error = revoke.error ?? reissue.error;
  const rows = pending.data;

  return (
    <div style={{ display: "flex", flexDirection: "column", gap: "0.9rem" }}>
      {link && (
        <InvitationLink path={link.path} email={link.email} emailed={link.emailed} onDone={() => setLink(null)} />
      )}
      {error && (
        <div className="alert error" role="alert">
          {messageOf(error)}
        </div>
      )}
      {rows.length === 0 ? (
        <p className="stat-note">No invitations waiting.</p>
      ) : (
        <div {...scrollRegion("Invitation list")}>
          <table>
            <thead>
              <tr>
                <th scope="col">Invited</th>
                <th scope="col">Roles</th>
                <th scope="col">Expires</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    {row.name} <span className="stat-note">{row.email}</span>
                    {row.kind === "join-request" && <span className="stat-note"> · asked to join</span>}
                  </td>
                  <td>{row.roles.join(", ")}</td>
                  <td>{localDateTime(row.expiresAt, timeZone)}</td>
                  <td style={{ display: "flex", gap: "0.4rem", flexWrap: "wrap" }}>
                    {row.kind === "link" && (
                      <button
                        type="button"
                        className="button secondary small"
                        disabled={reissue.isPending}
                        onClick={() => reissue.mutate({ teamId, invitationId: row.id })}
                        aria-label={`Re-issue link for ${row.email}`}
                      >
                        Re-issue link
                      </button>
                    )}
                    <button
                      type="button"
                      className="button secondary small"
                      disabled={revoke.isPending}
                      onClick={() => revoke.mutate({ teamId, invitationId: row.id })}
                      aria-label={`Revoke the invitation for ${row.email}`}
                    >
                      Revoke
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
