"use client";

import { type FormEvent, useState } from "react";
import { FieldError } from "@/app/_components/field-error";
import { Modal, ModalHead, ModalSaveFoot } from "@/app/_components/modal";
import { fieldErrorsOf, messageOf } from "@/app/_lib/field-errors";
import { TEAM_ROLES, type TeamRole } from "@/server/auth/permissions";

const ROLE_MEANING: Record<TeamRole, string> = {
  engineer: "logs toil and counts in the team's shares",
  planner: "plans rotations and covers",
  manager: "runs the team: people, roles, caps",
};

/** Picks a member's roles in the team; at least one, and the team keeps a manager. */
export function RolesDialog({
  member,
  pending,
  error,
  onSave,
  onClose,
}: {
  member: { name: string; roles: TeamRole[] } | null;
  pending: boolean;
  error: unknown;
  onSave: (roles: TeamRole[]) => void;
  onClose: () => void;
}) {
  const [picked, setPicked] = useState<TeamRole[] | null>(null);
  const roles = picked ?? member?.roles ?? [];
  const errors = fieldErrorsOf(error);

  function close() {
    setPicked(null);
    onClose();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSave(roles);
  }

  return (
    <Modal open={member !== null} onClose={close} labelledBy="roles-title" className="small-dialog">
      <form onSubmit={onSubmit} noValidate>
        <ModalHead titleId="roles-title" onClose={close}>
          Roles of {member?.name}
        </ModalHead>
        <div className="modal-body">
          {error !== null && Object.keys(errors).length === 0 && (
            <div className="alert error" role="alert">
              {messageOf(error)}
            </div>
          )}
          <fieldset className="field" aria-describedby="roles-error">
            <legend>Roles in the team</legend>
            <div className="stack" style={{ gap: "0.4rem" }}>
              {TEAM_ROLES.map((role) => (
                <label key={role} style={{ fontWeight: 400, display: "flex", gap: "0.4rem", alignItems: "baseline" }}>
                  <input
                    type="checkbox"
                    checked={roles.includes(role)}
                    onChange={(event) =>
                      setPicked(event.target.checked ? [...roles, role] : roles.filter((r) => r !== role))
                    }
                  />
                  <span>
                    <strong>{role}</strong> <span className="stat-note">{ROLE_MEANING[role]}</span>
                  </span>
                </label>
              ))}
            </div>
            <FieldError id="roles-error" messages={errors.roles} />
          </fieldset>
        </div>
        <ModalSaveFoot label="Save roles" pending={pending} onCancel={close} />
      </form>
    </Modal>
  );
}
