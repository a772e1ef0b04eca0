"use client";

import { useMutation } from "@tanstack/react-query";
import { Field } from "@/app/_components/field";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { fieldErrorsOf, messageOf } from "@/app/_lib/field-errors";
import { useTRPC } from "@/app/_lib/trpc";
import { Modal, ModalHead } from "@/app/_components/modal";
import { todayIn } from "@/server/domain/time";
import { localDate } from "@/app/_lib/format";
import type { TeamRole } from "@/server/auth/permissions";
import type { TeamMemberView } from "@/server/services/people/teams";
import { RolesDialog } from "./roles-dialog";
import { scrollRegion } from "@/app/_components/scroll-region";

/** The team's members; managers may change their roles or remove one from a date, and undo either. */
export function MembersTable({
  teamId,
  members,
  canManage,
  timeZone,
}: {
  teamId: string;
  members: TeamMemberView[];
  canManage: boolean;
  timeZone: string;
}) {
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
  const [editing, setEditing] = useState<TeamMemberView | null>(null);
  const [changed, setChanged] = useState<{ member: TeamMemberView; roles: TeamRole[] } | null>(null);
  const setRoles = useMutation(
    trpc.teams.setRoles.mutationOptions({
      onSuccess: (_result, input) => {
        // The roles before this save, unless this save was the undo itself.
        if (editing) setChanged({ member: editing, roles: input.roles });
        else setChanged(null);
        setEditing(null);
        router.refresh();
      },
    }),
  );

  function onRemove(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!removing) return;
    const form = new FormData(event.currentTarget);
    remove.mutate({ teamId, personId: removing.personId, from: String(form.get("from") ?? "") });
  }

  return (
    <>
      {removed && (
        <div
          className="alert ok"
          role="status"
          style={{ display: "flex", gap: "0.6rem", alignItems: "center", flexWrap: "wrap" }}
        >
          <span>
            Removed {removed.member.name} from {removed.from}. Reports before that date still count them.
          </span>
          <button
            type="button"
            className="button secondary small"
            disabled={restore.isPending}
            onClick={() => restore.mutate({ teamId, personId: removed.member.personId })}
          >
            Undo
          </button>
        </div>
      )}
      {changed && (
        <div
          className="alert ok"
          role="status"
          style={{ display: "flex", gap: "0.6rem", alignItems: "center", flexWrap: "wrap" }}
        >
          <span>
            {changed.member.name} is now {changed.roles.join(", ")} in the team.
          </span>
          <button
            type="button"
            className="button secondary small"
            disabled={setRoles.isPending}
            onClick={() => setRoles.mutate({ teamId, personId: changed.member.personId, roles: changed.member.roles })}
          >
            Undo
          </button>
        </div>
      )}
      {setRoles.error && !editing && (
        <div className="alert error" role="alert">
          {messageOf(setRoles.error)}
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
              <th scope="col">Member since</th>
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
                <td>{m.memberSince ? localDate(m.memberSince, timeZone) : "Not recorded"}</td>
                {canManage && (
                  <td>
                    <div className="row" style={{ gap: "0.4rem", flexWrap: "nowrap" }}>
                      <button
                        type="button"
                        className="button secondary small"
                        onClick={() => {
                          setRoles.reset();
                          setEditing(m);
                        }}
                        aria-label={`Change the roles of ${m.name}`}
                      >
                        Roles
                      </button>
                      <button
                        type="button"
                        className="button secondary small"
                        onClick={() => setRemoving(m)}
                        aria-label={`Remove ${m.name} from the team`}
                      >
                        Remove
                      </button>
                    </div>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <RolesDialog
        key={editing?.personId ?? "none"}
        member={editing}
        pending={setRoles.isPending}
        error={editing ? setRoles.error : null}
        onSave={(roles) => editing && setRoles.mutate({ teamId, personId: editing.personId, roles })}
        onClose={() => setEditing(null)}
      />
      <Modal
        open={removing !== null}
        onClose={() => setRemoving(null)}
        labelledBy="remove-member-title"
        className="small-dialog"
      >
        <form onSubmit={onRemove} noValidate>
          <ModalHead titleId="remove-member-title" onClose={() => setRemoving(null)}>
            Remove {removing?.name}?
          </ModalHead>
          <div className="modal-body">
            <p style={{ marginTop: 0 }}>
              They lose access to the team at once. Its reports count them until the day before this date.
            </p>
            {remove.error && Object.keys(errors).length === 0 && (
              <div className="alert error" role="alert">
                {messageOf(remove.error)}
              </div>
            )}
            <Field id="remove-from" label="No longer a member from" errors={errors.from}>
              {(control) => (
                <input
                  {...control}
                  name="from"
                  type="date"
                  defaultValue={todayIn(timeZone, new Date())}
                  max={todayIn(timeZone, new Date())}
                />
              )}
            </Field>
          </div>
          <div className="modal-foot">
            <div className="modal-actions">
              <button
                className="button"
                type="submit"
                style={{ background: "var(--danger)" }}
                disabled={remove.isPending}
              >
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
