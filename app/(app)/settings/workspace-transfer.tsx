"use client";

import { useMutation } from "@tanstack/react-query";
import { Field } from "@/app/_components/field";
import { useRouter } from "next/navigation";
import { type FormEvent, useRef, useState } from "react";
import type { ImportSummary } from "@/server/services/workspace/import-workspace";
import { fieldErrorsOf, messageOf } from "@/app/_lib/field-errors";
import { useTRPC } from "@/app/_lib/trpc";
import { useStatus } from "@/app/_components/app-status";

function fileNameFor(teamName: string, at: Date): string {
  const slug =
    teamName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "team";
  return `toilcap-${slug}-${at.toISOString().slice(0, 10)}.json`;
}

function download(contents: unknown, fileName: string): void {
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(contents, null, 2)}\n`], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoked on the next turn: some browsers start the download only after the click handler returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
}

function importedText(done: ImportSummary): string {
  const people = `${done.peopleCreated + done.peopleMatched} people (${done.peopleMatched} already here)`;
  return `Imported “${done.teamName}”: ${people}, ${done.rotations} rotations, ${done.entries} entries, ${done.interrupts} interrupts. New people sign up with their email.`;
}

/** Administrators download a team as a workspace file, or upload one as a new team (README: "Workspace files"). */
export function WorkspaceTransfer({ team }: { team: { id: string; name: string } | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const announce = useStatus();
  const fileInput = useRef<HTMLInputElement>(null);
  const [teamName, setTeamName] = useState("");
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [imported, setImported] = useState<ImportSummary | null>(null);
  const exporter = useMutation(
    trpc.workspace.export.mutationOptions({
      onSuccess: (file, input) => {
        download(file, fileNameFor(team?.id === input.teamId ? team.name : "team", new Date()));
        announce({ text: `Downloaded ${team?.name ?? "the team"} as a workspace file.` });
      },
    }),
  );
  const importer = useMutation(
    trpc.workspace.import.mutationOptions({
      onSuccess: (done) => {
        setImported(done);
        setTeamName("");
        if (fileInput.current) fileInput.current.value = "";
        router.refresh();
      },
    }),
  );
  const errors = fieldErrorsOf(importer.error);

  async function onImport(event: FormEvent) {
    event.preventDefault();
    setImported(null);
    setFileProblem(null);
    importer.reset();
    const chosen = fileInput.current?.files?.[0];
    if (!chosen) {
      setFileProblem("Choose a workspace file (.json) first.");
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(await chosen.text());
    } catch {
      setFileProblem(`${chosen.name} is not a JSON file.`);
      return;
    }
    importer.mutate({ file: json, teamName: teamName.trim() || undefined });
  }

  const problem = fileProblem ?? errors.file?.join("\n") ?? null;
  const otherFailure = importer.error && !errors.file && !errors.teamName ? messageOf(importer.error) : null;
  return (
    <div className="grid cols-2">
      <div>
        <h3 className="subhead">Export</h3>
        <p className="stat-note">
          The team&apos;s people, roles, work patterns, absences, rotations with their history, interrupts and work log,
          as one JSON file.
        </p>
        {team ? (
          <button
            type="button"
            className="button secondary"
            disabled={exporter.isPending}
            onClick={() => exporter.mutate({ teamId: team.id })}
          >
            {exporter.isPending ? "Preparing…" : `Download ${team.name}`}
          </button>
        ) : (
          <p className="stat-note">Choose a team first.</p>
        )}
        {exporter.error && (
          <p className="field-error" role="alert">
            {messageOf(exporter.error)}
          </p>
        )}
      </div>
      <form
        onSubmit={onImport}
        noValidate
        aria-label="Import a team from a file"
        style={{ display: "flex", flexDirection: "column", gap: "0.9rem" }}
      >
        <h3 className="subhead" style={{ marginBottom: 0 }}>
          Import
        </h3>
        <div className="field">
          <label htmlFor="workspace-file">Workspace file</label>
          <input
            id="workspace-file"
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            aria-invalid={problem ? true : undefined}
            aria-describedby="workspace-file-hint workspace-file-error"
          />
          <span className="hint" id="workspace-file-hint">
            Becomes a new team; people are matched by email. Nothing is written unless the whole file is valid.
          </span>
          <p
            id="workspace-file-error"
            className="field-error"
            role={problem ? "alert" : undefined}
            style={{ whiteSpace: "pre-line", margin: 0 }}
          >
            {problem}
          </p>
        </div>
        <Field
          id="workspace-team"
          label={
            <>
              Name of the new team <span className="optional">(optional)</span>
            </>
          }
          errors={errors.teamName}
        >
          {(control) => (
            <input
              {...control}
              value={teamName}
              onChange={(event) => setTeamName(event.target.value)}
              placeholder="As in the file"
            />
          )}
        </Field>
        <div>
          <button className="button" type="submit" disabled={importer.isPending}>
            {importer.isPending ? "Importing…" : "Import"}
          </button>
        </div>
        {otherFailure && (
          <div className="alert error" role="alert">
            {otherFailure}
          </div>
        )}
        {imported && (
          <div className="alert ok" role="status">
            {importedText(imported)} <a href={`/settings?team=${imported.teamId}`}>Open {imported.teamName}</a>
          </div>
        )}
      </form>
    </div>
  );
}
