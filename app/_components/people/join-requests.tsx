"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { messageOf } from "@/app/_lib/field-errors";
import { useTRPC } from "@/app/_lib/trpc";
import type { JoinRequest } from "@/server/services/people/join-requests";

/** Requests to join a team, waiting for the viewer's answer: nobody is moved into a team without saying yes. */
export function JoinRequests({ requests }: { requests: JoinRequest[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const respond = useMutation(trpc.invitations.respond.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <section className="card" aria-labelledby="join-requests-heading" style={{ marginBottom: "1rem" }}>
      <h2 id="join-requests-heading">Requests to join a team</h2>
      {respond.error && (
        <div className="alert error" role="alert">
          {messageOf(respond.error)}
        </div>
      )}
      <ul style={{ listStyle: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: "0.6rem" }}>
        {requests.map((request) => (
          <li key={request.id} style={{ display: "flex", gap: "0.6rem", alignItems: "center", flexWrap: "wrap" }}>
            <span style={{ flex: 1, minWidth: "12rem" }}>
              {request.invitedBy ?? "A manager"} asks you to join <strong>{request.teamName}</strong> as{" "}
              {request.roles.join(", ")}.
            </span>
            <button
              type="button"
              className="button small"
              disabled={respond.isPending}
              onClick={() => respond.mutate({ invitationId: request.id, accept: true })}
              aria-label={`Join ${request.teamName}`}
            >
              Join
            </button>
            <button
              type="button"
              className="button secondary small"
              disabled={respond.isPending}
              onClick={() => respond.mutate({ invitationId: request.id, accept: false })}
              aria-label={`Decline joining ${request.teamName}`}
            >
              Decline
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
