"use client";

import { keepPreviousData, skipToken, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useState } from "react";
import { type FieldErrors, fieldErrorsOf, messageOf } from "@/app/_lib/field-errors";
import { useTRPC, useTRPCClient } from "@/app/_lib/trpc";
import { useStatus } from "@/app/_components/app-status";
import type { RotationDetail, SecondRotationProposal, TeamMember } from "@/app/_components/rotations/types";
import { useRotationsRefresh } from "@/app/_components/rotations/use-rotations-refresh";
import { ConflictAlert, changedFields } from "./conflict-alert";
import { FairFillPanel } from "./fair-fill-panel";
import {
  checkDraft,
  formOfProposal,
  formOfRotation,
  horizonStart,
  newRotationForm,
  type RotationForm,
  sameForm,
} from "./form-state";
import { ParticipantsField } from "./participants-field";
import { TurnChoiceFields } from "./turn-choice-fields";
import { PreviewPanel } from "./preview-panel";
import type { WhatIfInput } from "./preview-types";
import { DutyWindowsFields } from "./duty-windows-fields";
import { SettingsFields } from "./settings-fields";
import { useDebounced } from "./use-debounced";

/** Long enough to let a planner finish typing, short enough to feel live. */
const PREVIEW_DEBOUNCE_MS = 400;
/** A quarter: the plan a planner builds at a time. */
const DEFAULT_WEEKS = 13;

/** The draft's fields that the form shows an error beside. */
const FORM_FIELDS = new Set([
  "name",
  "role",
  "timeZone",
  "shiftUnit",
  "shiftCount",
  "handoffWeekday",
  "handoffMinute",
  "startsOn",
  "endsOn",
  "dutyWindows",
  "participants",
  "onDutyNow",
  "nextUp",
]);

function isConflict(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return false;
  const data: unknown = error.data;
  return typeof data === "object" && data !== null && "code" in data && data.code === "CONFLICT";
}

/**
 * Create or edit a rotation, with the what-if preview beside the form, refreshed as the form changes. Saving
 * names the version opened; if another planner saved first, the form keeps every edit and says what they changed.
 */
export function RotationEditor({
  teamId,
  zone,
  members,
  rotation,
  proposal,
  now,
}: {
  teamId: string;
  zone: string;
  members: TeamMember[];
  rotation?: RotationDetail;
  /** A new rotation proposed as a second duty role beside a flagged one: the form starts from it. */
  proposal?: SecondRotationProposal;
  now: Date;
}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const router = useRouter();
  const announce = useStatus();
  const refresh = useRotationsRefresh();
  const [baseline, setBaseline] = useState<RotationForm>(() =>
    rotation ? formOfRotation(rotation) : newRotationForm(zone, now),
  );
  const [form, setForm] = useState<RotationForm>(() => (proposal ? formOfProposal(proposal.draft) : baseline));
  const [version, setVersion] = useState(rotation?.version ?? 1);
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ latest: RotationDetail | null } | null>(null);
  const [weeks, setWeeks] = useState(DEFAULT_WEEKS);
  const create = useMutation(trpc.rotations.create.mutationOptions());
  const save = useMutation(trpc.rotations.update.mutationOptions());
  const saving = create.isPending || save.isPending;

  const check = checkDraft(form);
  const dirty = !sameForm(form, baseline);
  const errors: FieldErrors = { ...(submitted && !check.ok ? check.errors : {}), ...serverErrors };
  const update = (patch: Partial<RotationForm>) => {
    setForm((current) => ({ ...current, ...patch }));
    setServerErrors({});
    setFailure(null);
  };

  // The what-if needs settings, not a name: a rotation not yet named is previewed under a stand-in.
  const previewCheck = checkDraft(form.name.trim() ? form : { ...form, name: "New rotation" });
  const input: WhatIfInput | null = previewCheck.ok
    ? {
        teamId,
        ...(rotation ? { rotationId: rotation.id } : {}),
        draft: previewCheck.draft,
        horizon: { from: horizonStart(form, now), weeks },
      }
    : null;
  const settled = useDebounced(input, PREVIEW_DEBOUNCE_MS);
  const preview = useQuery(
    trpc.rotations.preview.queryOptions(settled ?? skipToken, { placeholderData: keepPreviousData, staleTime: 0 }),
  );
  const settling = JSON.stringify(settled) !== JSON.stringify(input);
  const firstProblem = previewCheck.ok ? null : (Object.values(previewCheck.errors).flat()[0] ?? "check the fields");

  // Leaving with unsaved edits asks first; the browser words the question.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  async function latestVersion(): Promise<RotationDetail | null> {
    if (!rotation) return null;
    return queryClient.fetchQuery({
      ...trpc.rotations.get.queryOptions({ teamId, rotationId: rotation.id }),
      staleTime: 0,
    });
  }

  async function submit(asVersion: number) {
    setSubmitted(true);
    if (!check.ok) {
      setFailure("Not saved: check the fields marked below.");
      return;
    }
    setFailure(null);
    setServerErrors({});
    try {
      if (!rotation) {
        const created = await create.mutateAsync({ teamId, ...check.draft });
        if (proposal) {
          // Undo removes it again (softly) and goes back to the rotation whose flag it answered.
          const source = proposal.source;
          const undo = () =>
            client.rotations.remove
              .mutate({ teamId, rotationId: created.id })
              .then(() => {
                announce({ text: `"${created.name}" removed; "${source.name}" is on its own again.` });
                router.push(`/rotations/${source.id}`);
              })
              .catch((error: unknown) => announce({ text: `Could not undo: ${messageOf(error)}`, tone: "error" }))
              .finally(() => void refresh());
          announce({
            text: `Second duty role "${created.name}" created beside "${source.name}".`,
            action: { label: "Undo", run: () => void undo() },
          });
        } else {
          announce({ text: `Rotation "${created.name}" created.` });
        }
        await refresh();
        router.push(`/rotations/${created.id}`);
        return;
      }
      const updated = await save.mutateAsync({ teamId, rotationId: rotation.id, version: asVersion, ...check.draft });
      const savedForm = formOfRotation(updated);
      setBaseline(savedForm);
      setForm(savedForm);
      setVersion(updated.version);
      setConflict(null);
      setSubmitted(false);
      announce({ text: `Saved "${updated.name}" (version ${updated.version}).` });
      await refresh();
      router.refresh();
    } catch (error) {
      if (isConflict(error)) {
        setConflict({ latest: null });
        setConflict({ latest: await latestVersion().catch(() => null) });
        return;
      }
      const fields = fieldErrorsOf(error);
      setServerErrors(fields);
      // A message about something the form has no field for (the team, the version) is shown whole.
      const unplaced = Object.keys(fields).length === 0 || Object.keys(fields).some((field) => !FORM_FIELDS.has(field));
      setFailure(unplaced ? messageOf(error) : "Not saved: check the fields marked below.");
    }
  }

  function loadTheirs(latest: RotationDetail) {
    const theirs = formOfRotation(latest);
    setBaseline(theirs);
    setForm(theirs);
    setVersion(latest.version);
    setConflict(null);
    announce({ text: `Loaded version ${latest.version}; your changes were discarded.`, tone: "info" });
  }

  const latest = conflict?.latest ?? null;
  const previewZone = previewCheck.ok ? previewCheck.draft.timeZone : zone;
  return (
    <div className="editor-layout">
      <form
        className="card editor-form"
        aria-labelledby="editor-heading"
        noValidate
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void submit(version);
        }}
      >
        <h2 id="editor-heading">Settings and turn order</h2>
        {conflict && (
          <ConflictAlert
            theirs={
              latest ? { version: latest.version, changed: changedFields(baseline, formOfRotation(latest)) } : null
            }
            busy={saving}
            onOverwrite={() => latest && void submit(latest.version)}
            onLoadTheirs={() => latest && loadTheirs(latest)}
          />
        )}
        {failure && !conflict && (
          <div className="alert error" role="alert">
            {failure}
          </div>
        )}
        <fieldset className="stack editor-fields" disabled={saving}>
          <SettingsFields form={form} errors={errors} update={update} />
          <DutyWindowsFields form={form} errors={errors} update={update} />
          <ParticipantsField
            members={members}
            participants={form.participants}
            onChange={(participants) => update({ participants })}
            errors={errors.participants}
            disabled={saving}
          />
          <TurnChoiceFields
            members={members}
            form={form}
            errors={errors}
            update={update}
            saved={rotation !== undefined}
          />
        </fieldset>
        <div className="editor-actions">
          <button className="button" type="submit" disabled={saving}>
            {saving ? "Saving…" : rotation ? "Save changes" : "Create rotation"}
          </button>
          <Link className="button secondary" href="/rotations">
            {dirty ? "Cancel" : "Back to rotations"}
          </Link>
          {dirty && <span className="badge planner">unsaved changes</span>}
          {rotation && <span className="stat-note">Version {version}</span>}
        </div>
      </form>
      <div className="editor-side">
        <PreviewPanel
          preview={preview.data}
          pending={settling || preview.isFetching}
          error={preview.error}
          problem={firstProblem}
          weeks={weeks}
          onWeeksChange={setWeeks}
          zone={previewZone}
        />
        <FairFillPanel
          input={input}
          planned={preview.data?.shifts}
          saved={rotation !== undefined}
          dirty={dirty}
          zone={previewZone}
        />
      </div>
    </div>
  );
}
