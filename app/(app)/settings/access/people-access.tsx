"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ResetLink } from "./reset-link";
import type { PersonAccess } from "@/server/services/access/list-people";
import { messageOf } from "@/app/_lib/field-errors";
import { localDateTime } from "@/app/_lib/format";
import { useTRPC } from "@/app/_lib/trpc";
import { useStatus } from "@/app/_components/app-status";
import { scrollRegion } from "@/app/_components/scroll-region";

/**
 * Everyone in the organisation, with buttons to deactivate or reactivate each (never oneself) and to issue a
 * password-reset link for anyone with an account.
 */
export function PeopleAccess({
  initial,
  selfId,
  timeZone,
}: {
  initial: PersonAccess[];
  selfId: string;
  timeZone: string;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const announce = useStatus();
  const people = useQuery(trpc.access.people.queryOptions(undefined, { initialData: initial }));
  const options = (done: string) => ({
    onSuccess: () => announce({ text: done, tone: "ok" }),
    onSettled: () => queryClient.invalidateQueries(trpc.access.people.pathFilter()),
  });
  const deactivate = useMutation(
    trpc.access.deactivate.mutationOptions(options("Deactivated: their sessions and tokens no longer work.")),
  );
  const reactivate = useMutation(
    trpc.access.reactivate.mutationOptions(options("Reactivated: they can sign in again.")),
  );
  const issueReset = useMutation(
    trpc.access.issuePasswordReset.mutationOptions({
      onSuccess: (issued) =>
        announce({ text: `Password-reset link for ${issued.name} made: copy it now.`, tone: "ok" }),
    }),
  );
  const failure = deactivate.error ?? reactivate.error ?? issueReset.error;
  const busy = deactivate.isPending || reactivate.isPending || issueReset.isPending;
  return (
    <>
      {issueReset.data && <ResetLink issued={issueReset.data} timeZone={timeZone} onDone={() => issueReset.reset()} />}
      {failure && (
        <div className="alert error" role="alert">
          {messageOf(failure)}
        </div>
      )}
      <div {...scrollRegion("People and their access")}>
        <table aria-label="People and their access">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Access</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {people.data.map((person) => (
              <tr key={person.personId}>
                <td>
                  {person.name}
                  {person.isAdmin ? " (admin)" : ""}
                </td>
                <td>{person.email}</td>
                <td>
                  {person.deactivatedAt
                    ? `Deactivated ${localDateTime(person.deactivatedAt, timeZone)}`
                    : person.hasAccount
                      ? "Active"
                      : "Invited, no account yet"}
                </td>
                <td className="row-actions">
                  {person.hasAccount && !person.deactivatedAt && person.personId !== selfId && (
                    <button
                      type="button"
                      className="link-button"
                      disabled={busy}
                      onClick={() => issueReset.mutate({ personId: person.personId })}
                      aria-label={`Reset password for ${person.name}`}
                    >
                      Reset password
                    </button>
                  )}
                  {person.personId === selfId ? null : person.deactivatedAt ? (
                    <button
                      type="button"
                      className="link-button"
                      disabled={busy}
                      onClick={() => reactivate.mutate({ personId: person.personId })}
                      aria-label={`Reactivate ${person.name}`}
                    >
                      Reactivate
                    </button>
                  ) : (
                    <button
                      type="button"
                      className="link-button danger"
                      disabled={busy}
                      onClick={() => deactivate.mutate({ personId: person.personId })}
                      aria-label={`Deactivate ${person.name}`}
                    >
                      Deactivate
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
