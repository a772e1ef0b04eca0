"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { fieldErrorsOf, messageOf } from "@/app/_lib/field-errors";
import { useTRPC } from "@/app/_lib/trpc";
import { FieldError } from "@/app/_components/field-error";
import { Modal } from "@/app/_components/modal";
import type { TeamMemberView } from "@/server/services/people/teams";
import { scrollRegion } from "@/app/_components/scroll-region";

/** Today's date on the viewer's calendar, as yyyy-mm-dd (the en-CA format). */
function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone }).format(new Date());
}

/** The team's members; managers may remove one from a date, and undo that. */
export function MembersTable({ teamId, members, canManage, timeZone }: { teamId: string; members: TeamMemberView[]; canManage: boolean; timeZone: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [removing, setRemoving] = useState<TeamMemberView | null>(null);
  const [removed, setRemoved] = useState<{ member: TeamMemberView; from: string } | null>(null);
  const remove = useMutation(
    trpc.teams.removeMember.mutationOptions({
      onSuccess: (_result, input) => {
        if (removing) setRemoved({ member: removing, from: input.from });
        setRemoving(null);
        router.refresh();
      },
    }),
  );
  const restore = useMutation(
    trpc.teams.restoreMember.mutationOptions({
      onSuccess: () => {
        setRemoved(null);
        router.refresh();
      },
    }),
  );
  const errors = fieldErrorsOf(remove.error);

  function onRemove(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!removing) return;
    const form = new FormData(event.currentTarget);
    remove.mutate({ teamId, personId: removing.personId, from: String(form.get("from") ?? "") });
  }

  return (
    <>
      {removed && (
        <div className="alert ok" role="status" style={{ display: "flex", gap: "0.6rem", alignItems: "center", flexWrap: "wrap" }}>
          <span>
            Removed {removed.member.name} from {removed.from}. Reports before that date still count them.
          </span>
          <button type="button" className="button secondary small" disabled={restore.isPending} onClick={() => restore.mutate({ teamId, personId: removed.member.personId })}>
            Undo
          </button>
        </div>
      )}
      {restore.error && (
        <div className="alert error" role="alert">
          {messageOf(restore.error)}
        </div>
      )}
      <div {...scrollRegion("Members")}>
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Time zone</th>
              <th scope="col">Roles</th>
              {canManage && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.personId}>
                <td>{m.name}</td>
                <td>{m.email}</td>
                <td>{m.timeZone}</td>
                <td>
                  {m.roles.map((role) => (
                    <span key={role} className={`badge ${role}`} style={{ marginRight: 4 }}>
                      {role}
                    </span>
                  ))}
                </td>
                {canManage && (
                  <td>
                    <button type="button" className="button secondary small" onClick={() => setRemoving(m)} aria-label={`Remove ${m.name} from the team`}>
                      Remove
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Modal open={removing !== null} onClose={() => setRemoving(null)} labelledBy="remove-member-title" className="small-dialog">
        <form onSubmit={onRemove} noValidate>
          <div className="modal-head">
            <h2 id="remove-member-title">Remove {removing?.name}?</h2>
            <button type="button" className="icon-button" aria-label="Close" onClick={() => setRemoving(null)}>
              ×
            </button>
          </div>
          <div className="modal-body">
            <p style={{ marginTop: 0 }}>They lose access to the team at once. Its reports count them until the day before this date.</p>
            {remove.error && Object.keys(errors).length === 0 && (
              <div className="alert error" role="alert">
                {messageOf(remove.error)}
              </div>
            )}
            <div className="field">
              <label htmlFor="remove-from">No longer a member from</label>
              <input id="remove-from" name="from" type="date" defaultValue={todayIn(timeZone)} max={todayIn(timeZone)} aria-invalid={errors.from ? true : undefined} aria-describedby="remove-from-error" />
              <FieldError id="remove-from-error" messages={errors.from} />
            </div>
          </div>
          <div className="modal-foot">
            <div className="modal-actions">
              <button className="button" type="submit" style={{ background: "var(--danger)" }} disabled={remove.isPending}>
                {remove.isPending ? "Removing…" : "Remove from the team"}
              </button>
              <button className="button secondary" type="button" data-autofocus onClick={() => setRemoving(null)}>
                Cancel
              </button>
            </div>
          </div>
        </form>
      </Modal>
    </>
  );
}
