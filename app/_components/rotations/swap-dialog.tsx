"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { type FieldErrors, fieldErrorsOf, messageOf } from "@/app/_lib/field-errors";
import { useTRPC } from "@/app/_lib/trpc";
import { useStatus } from "@/app/_components/app-status";
import { FieldError } from "@/app/_components/field-error";
import { Modal, ModalHead, ModalSaveFoot } from "@/app/_components/modal";
import { ROLE_LABEL } from "./roles";
import { spanText } from "./spans";
import type { RotationSummary, ScheduleData, ScheduleShift } from "./types";
import { useRotationsRefresh } from "./use-rotations-refresh";

/** Whose shift to swap, first: the viewer's own unless a planner starts from someone else. */
export interface SwapDefaults {
  requesterId: string;
  /** A planner or manager may ask on anyone's behalf; the person asked still answers. */
  onBehalf: boolean;
  /** The shift chosen first: the one in the cell that was opened. */
  shift?: ScheduleShift;
}

const keyOf = (shift: ScheduleShift) => `${shift.rotationId}|${shift.startsAt.toISOString()}`;

/** "Ask for a swap": someone else in the rotation takes one of your shifts, maybe giving you one of theirs. */
export function SwapDialog({
  teamId,
  zone,
  viewerId,
  rotations,
  schedule,
  rotationId,
  defaults,
  onClose,
}: {
  teamId: string;
  zone: string;
  viewerId: string;
  rotations: RotationSummary[];
  schedule: ScheduleData;
  /** On one rotation's page, only its shifts. */
  rotationId?: string;
  defaults: SwapDefaults | null;
  onClose: () => void;
}) {
  return (
    <Modal open={defaults !== null} onClose={onClose} labelledBy="swap-title" className="small-dialog">
      {defaults && (
        <SwapForm
          key={`${defaults.requesterId}|${defaults.shift ? keyOf(defaults.shift) : ""}`}
          teamId={teamId}
          zone={zone}
          viewerId={viewerId}
          rotations={rotations}
          schedule={schedule}
          rotationId={rotationId}
          defaults={defaults}
          onDone={onClose}
        />
      )}
    </Modal>
  );
}

function SwapForm({
  teamId,
  zone,
  viewerId,
  rotations,
  schedule,
  rotationId,
  defaults,
  onDone,
}: {
  teamId: string;
  zone: string;
  viewerId: string;
  rotations: RotationSummary[];
  schedule: ScheduleData;
  rotationId: string | undefined;
  defaults: SwapDefaults;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const announce = useStatus();
  const refresh = useRotationsRefresh();
  const [requesterId, setRequesterId] = useState(defaults.requesterId);
  const shifts = futureShiftsOf(schedule, requesterId, rotationId);
  const [shiftKey, setShiftKey] = useState(() => {
    const first = defaults.shift ?? shifts[0];
    return first ? keyOf(first) : "";
  });
  const [counterpartId, setCounterpartId] = useState("");
  const [returnKey, setReturnKey] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const request = useMutation(trpc.rotations.requestSwap.mutationOptions());
  const invalid = (field: string) => (errors[field] ? true : undefined);

  const shift = shifts.find((s) => keyOf(s) === shiftKey);
  const rotation = rotations.find((r) => r.id === shift?.rotationId);
  const others = rotation?.participants.filter((p) => p.personId !== requesterId) ?? [];
  const own = requesterId === viewerId;
  const requesterName = schedule.people.find((p) => p.personId === requesterId)?.name ?? "them";
  const holders = defaults.onBehalf ? shiftHolders(schedule, viewerId, rotationId) : [];
  const now = Date.now();
  const theirs = schedule.shifts.filter(
    (s) => s.rotationId === shift?.rotationId && s.personId === counterpartId && s.endsAt.getTime() > now,
  );
  const inReturn = theirs.find((s) => keyOf(s) === returnKey);
  const rotationName = (rotationId: string) => rotations.find((r) => r.id === rotationId)?.name ?? "Rotation";

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!shift) {
      setErrors({ shiftStartsAt: ["Choose a shift that is not over yet"] });
      return;
    }
    if (!counterpartId) {
      setErrors({ counterpartId: ["Choose who you ask"] });
      return;
    }
    setErrors({});
    setFailure(null);
    try {
      const swap = await request.mutateAsync({
        teamId,
        rotationId: shift.rotationId,
        counterpartId,
        shiftStartsAt: shift.startsAt,
        shiftEndsAt: shift.endsAt,
        returnStartsAt: inReturn?.startsAt ?? null,
        returnEndsAt: inReturn?.endsAt ?? null,
        ...(own ? {} : { requesterId }),
        note: note.trim() || null,
      });
      const whose = own ? "your" : `${requesterName}'s`;
      announce({
        text: `Swap requested: ${swap.counterpartName} is asked to take ${whose} ${ROLE_LABEL[swap.role]} shift, ${spanText(swap.shiftStartsAt, swap.shiftEndsAt, zone)}.`,
      });
      await refresh();
      onDone();
    } catch (error) {
      const fields = fieldErrorsOf(error);
      setErrors(fields);
      setFailure(Object.keys(fields).length === 0 ? messageOf(error) : null);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <ModalHead titleId="swap-title" onClose={onDone}>
        Ask for a swap
      </ModalHead>
      <div className="modal-body">
        {failure && (
          <div className="alert error" role="alert">
            {failure}
          </div>
        )}
        <fieldset className="entry-fields" disabled={request.isPending}>
          {defaults.onBehalf && (
            <div className="field">
              <label htmlFor="swap-requester">Whose shift</label>
              <select
                id="swap-requester"
                value={requesterId}
                onChange={(event) => {
                  const next = event.target.value;
                  const first = futureShiftsOf(schedule, next, rotationId)[0];
                  setRequesterId(next);
                  setShiftKey(first ? keyOf(first) : "");
                  setCounterpartId("");
                  setReturnKey("");
                  setErrors({});
                }}
                aria-invalid={invalid("requesterId")}
                aria-describedby="swap-requester-hint swap-requester-error"
              >
                {holders.map((p) => (
                  <option key={p.personId} value={p.personId}>
                    {p.personId === viewerId ? `${p.name} (you)` : p.name}
                  </option>
                ))}
              </select>
              <span className="hint" id="swap-requester-hint">
                Asking for someone else? The request is in their name, and the person asked still answers it.
              </span>
              <FieldError id="swap-requester-error" messages={errors.requesterId} />
            </div>
          )}
          <div className="field">
            <label htmlFor="swap-shift">{own ? "Your shift" : `${requesterName}'s shift`}</label>
            <select
              id="swap-shift"
              value={shiftKey}
              onChange={(event) => {
                setShiftKey(event.target.value);
                setCounterpartId("");
                setReturnKey("");
              }}
              aria-invalid={invalid("shiftStartsAt")}
              aria-describedby="swap-shift-error"
            >
              {shifts.length === 0 && <option value="">No shift ahead in the weeks shown</option>}
              {shifts.map((s) => (
                <option key={keyOf(s)} value={keyOf(s)}>
                  {rotationName(s.rotationId)}: {spanText(s.startsAt, s.endsAt, zone)}
                </option>
              ))}
            </select>
            <FieldError id="swap-shift-error" messages={errors.shiftStartsAt ?? errors.shiftEndsAt} />
          </div>
          <div className="field">
            <label htmlFor="swap-counterpart">Ask</label>
            <select
              id="swap-counterpart"
              data-autofocus
              value={counterpartId}
              onChange={(event) => {
                setCounterpartId(event.target.value);
                setReturnKey("");
                setErrors({});
              }}
              aria-invalid={invalid("counterpartId")}
              aria-describedby="swap-counterpart-hint swap-counterpart-error"
            >
              <option value="">Choose someone in this rotation…</option>
              {others.map((p) => (
                <option key={p.personId} value={p.personId}>
                  {p.name}
                </option>
              ))}
            </select>
            <span className="hint" id="swap-counterpart-hint">
              They (or a planner) accept or decline; until then the schedule stays as it is.
            </span>
            <FieldError id="swap-counterpart-error" messages={errors.counterpartId} />
          </div>
          <div className="field">
            <label htmlFor="swap-return">
              {own ? "Their shift you take in return" : `Their shift ${requesterName} takes in return`}{" "}
              <span className="optional">optional</span>
            </label>
            <select
              id="swap-return"
              value={returnKey}
              onChange={(event) => setReturnKey(event.target.value)}
              disabled={!counterpartId}
              aria-invalid={invalid("returnStartsAt") ?? invalid("returnEndsAt")}
              aria-describedby="swap-return-error"
            >
              <option value="">
                {own ? "Nothing: they just take mine" : `Nothing: they just take ${requesterName}'s`}
              </option>
              {theirs.map((s) => (
                <option key={keyOf(s)} value={keyOf(s)}>
                  {spanText(s.startsAt, s.endsAt, zone)}
                </option>
              ))}
            </select>
            <FieldError id="swap-return-error" messages={errors.returnStartsAt ?? errors.returnEndsAt} />
          </div>
          <div className="field">
            <label htmlFor="swap-note">
              Note <span className="optional">optional</span>
            </label>
            <input
              id="swap-note"
              value={note}
              onChange={(event) => setNote(event.target.value)}
              aria-invalid={invalid("note")}
              aria-describedby="swap-note-error"
              placeholder="Family wedding that weekend"
            />
            <FieldError id="swap-note-error" messages={errors.note} />
          </div>
          <p className="stat-note">Times in {zone}.</p>
        </fieldset>
      </div>
      <ModalSaveFoot label="Ask for the swap" pending={request.isPending} pendingLabel="Sending…" onCancel={onDone} />
    </form>
  );
}

/** A person's shifts in the weeks shown that are not over yet: the ones a swap can still move. */
function futureShiftsOf(schedule: ScheduleData, personId: string, rotationId: string | undefined): ScheduleShift[] {
  const now = Date.now();
  return schedule.shifts.filter(
    (s) => s.personId === personId && s.endsAt.getTime() > now && (!rotationId || s.rotationId === rotationId),
  );
}

/** Whose shift a planner may ask to swap: the viewer first, then everyone holding a shift ahead, by name. */
function shiftHolders(
  schedule: ScheduleData,
  viewerId: string,
  rotationId: string | undefined,
): Array<{ personId: string; name: string }> {
  const people = schedule.people.filter(
    (p) => p.personId === viewerId || futureShiftsOf(schedule, p.personId, rotationId).length > 0,
  );
  return [...people].sort((a, b) =>
    a.personId === viewerId ? -1 : b.personId === viewerId ? 1 : a.name.localeCompare(b.name),
  );
}
