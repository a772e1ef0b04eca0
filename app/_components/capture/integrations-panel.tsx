"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { fieldErrorsOf, messageOf } from "@/app/_lib/field-errors";
import { localDateTime } from "@/app/_lib/format";
import { useTRPC } from "@/app/_lib/trpc";
import { useStatus } from "@/app/_components/app-status";
import { Field } from "@/app/_components/field";
import { NewIntegrationSecret } from "./new-integration-secret";
import { SigningSecretForm } from "./signing-secret-form";
import type { CreatedIntegration, IntegrationItem } from "./types";
import { scrollRegion } from "@/app/_components/scroll-region";

type Kind = IntegrationItem["kind"];

const KINDS: ReadonlyArray<readonly [Kind, string]> = [
  ["alertmanager", "Alertmanager"],
  ["ticket-webhook", "Ticket webhook"],
  ["pagerduty", "PagerDuty"],
];

const KIND_LABEL: Record<Kind, string> = {
  alertmanager: "Alertmanager",
  "ticket-webhook": "Tickets",
  pagerduty: "PagerDuty",
};

const KIND_HINT: Record<Kind, string> = {
  alertmanager: "Pages from Alertmanager, credited to whoever is on call when an alert fires.",
  "ticket-webhook":
    "Tickets from a ticket system, one JSON call per ticket, credited to their assignee when they are a member of this team.",
  pagerduty:
    "Incidents from a PagerDuty webhook subscription (v3), credited to the PagerDuty assignee matched to a member, else to whoever is on call.",
};

/** Who an integration credits, in the words of the table. */
function creditsText(item: IntegrationItem): string {
  if (item.kind === "alertmanager") return item.rotationName ? `On call in ${item.rotationName}` : "—";
  if (item.kind === "pagerduty")
    return item.rotationName ? `PagerDuty assignee, else on call in ${item.rotationName}` : "PagerDuty assignee";
  return item.rotationName ? `Assignee, else on duty in ${item.rotationName}` : "Ticket assignee";
}

/**
 * Settings: the team's webhook integrations. Planners and managers create an Alertmanager one per rotation (its
 * on-call engineer is credited with the pages) or a ticket webhook (tickets credited to their assignee, else
 * optionally to whoever holds a rotation), copy its URL once, and revoke it. Render it only for them: the
 * procedures refuse everyone else.
 */
export function IntegrationsPanel({ teamId, timeZone }: { teamId: string; timeZone: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const announce = useStatus();
  const integrations = useQuery(trpc.integrations.list.queryOptions({ teamId }));
  const rotations = useQuery(trpc.rotations.list.queryOptions({ teamId }));
  const [kind, setKind] = useState<Kind>("alertmanager");
  const [name, setName] = useState("");
  const [rotationId, setRotationId] = useState("");
  const [created, setCreated] = useState<CreatedIntegration | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries(trpc.integrations.list.queryFilter({ teamId }));

  const create = useMutation(
    trpc.integrations.create.mutationOptions({
      onSuccess: (result) => {
        setCreated(result);
        setName("");
      },
      onSettled: refresh,
    }),
  );
  const revoke = useMutation(
    trpc.integrations.revoke.mutationOptions({
      onSuccess: (result) =>
        announce({
          text: `Revoked ${result.name}: its URL no longer accepts ${{ alertmanager: "alerts", "ticket-webhook": "tickets", pagerduty: "PagerDuty events" }[result.kind]}.`,
        }),
      onError: (failure) => announce({ text: `Could not revoke: ${messageOf(failure)}`, tone: "error" }),
      onSettled: () => {
        setConfirming(null);
        return refresh();
      },
    }),
  );
  const errors = fieldErrorsOf(create.error);
  const pagerRotations = (rotations.data ?? []).filter((rotation) => rotation.role !== "shadow");

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setCreated(null);
    create.mutate({ teamId, kind, name, rotationId: rotationId || null });
  }

  return (
    <div style={{ display: "flex", flexDirection: "column", gap: "0.9rem" }}>
      {created && <NewIntegrationSecret created={created} onDone={() => setCreated(null)} />}
      {integrations.error && (
        <div className="alert error" role="alert">
          {messageOf(integrations.error)}
        </div>
      )}
      {integrations.data && integrations.data.length > 0 ? (
        <div {...scrollRegion("Integration list")}>
          <table>
            <caption className="visually-hidden">Integrations of this team</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col">Credits</th>
                <th scope="col">URL starts</th>
                <th scope="col">Last delivery</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {integrations.data.map((item: IntegrationItem) => (
                <tr key={item.id}>
                  <td>{item.name}</td>
                  <td className="nowrap">{KIND_LABEL[item.kind]}</td>
                  <td>{creditsText(item)}</td>
                  <td>
                    <code>…/{item.prefix}…</code>
                  </td>
                  <td>
                    <span className="nowrap">
                      {item.lastUsedAt ? localDateTime(item.lastUsedAt, timeZone) : "never"}
                    </span>
                    {item.droppedAlerts ? <DroppedAlertsNote dropped={item.droppedAlerts} timeZone={timeZone} /> : null}
                    {item.kind === "pagerduty" && !item.revokedAt ? (
                      <SigningSecretForm teamId={teamId} item={item} onSaved={refresh} />
                    ) : null}
                  </td>
                  <td>
                    {item.revokedAt ? (
                      <span className="stat-note">revoked {localDateTime(item.revokedAt, timeZone)}</span>
                    ) : confirming === item.id ? (
                      <span role="group" aria-label={`Revoke ${item.name}?`}>
                        <button
                          type="button"
                          className="link-button danger"
                          onClick={() => revoke.mutate({ teamId, integrationId: item.id })}
                          disabled={revoke.isPending}
                        >
                          Revoke for good
                        </button>
                        <button type="button" className="link-button" onClick={() => setConfirming(null)}>
                          Keep
                        </button>
                      </span>
                    ) : (
                      <button type="button" className="link-button danger" onClick={() => setConfirming(item.id)}>
                        Revoke<span className="visually-hidden"> {item.name}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        integrations.data && (
          <p className="stat-note">
            No integrations yet: add one to capture pages from Alertmanager or tickets from a ticket system.
          </p>
        )
      )}
      <h3 className="subhead" id="integration-add-heading">
        Add an integration
      </h3>
      <form className="stack" onSubmit={onSubmit} noValidate aria-labelledby="integration-add-heading">
        {create.error && Object.keys(errors).length === 0 && (
          <div className="alert error" role="alert">
            {messageOf(create.error)}
          </div>
        )}
        <fieldset className="field" aria-describedby="integration-kind-hint">
          <legend>Captures</legend>
          <div className="segmented">
            {KINDS.map(([value, label]) => (
              <label key={value}>
                <input
                  type="radio"
                  name="integration-kind"
                  value={value}
                  checked={kind === value}
                  onChange={() => {
                    setKind(value);
                    create.reset();
                  }}
                />
                <span>{label}</span>
              </label>
            ))}
          </div>
          <span className="hint" id="integration-kind-hint">
            {KIND_HINT[kind]}
          </span>
        </fieldset>
        <div className="row">
          <Field id="integration-name" label="Name" errors={errors.name}>
            {(control) => (
              <input
                {...control}
                value={name}
                placeholder={
                  {
                    alertmanager: "Prometheus production",
                    "ticket-webhook": "Jira ops queue",
                    pagerduty: "PagerDuty production",
                  }[kind]
                }
                onChange={(event) => setName(event.target.value)}
              />
            )}
          </Field>
          <Field
            id="integration-rotation"
            label={
              kind === "alertmanager" ? (
                "Credit pages to whoever is on call in"
              ) : kind === "pagerduty" ? (
                <>
                  Credit incidents nobody is matched for to whoever is on call in{" "}
                  <span className="optional">(optional)</span>
                </>
              ) : (
                <>
                  Credit other tickets to whoever is on duty in <span className="optional">(optional)</span>
                </>
              )
            }
            hint={
              kind === "ticket-webhook" ? "Tickets whose assignee is missing or not a member of this team." : undefined
            }
            errors={errors.rotationId}
          >
            {(control) => (
              <select {...control} value={rotationId} onChange={(event) => setRotationId(event.target.value)}>
                <option value="">
                  {kind === "alertmanager" ? "Choose a rotation" : "No rotation: leave them unassigned"}
                </option>
                {pagerRotations.map((rotation) => (
                  <option key={rotation.id} value={rotation.id}>
                    {rotation.name} ({rotation.role})
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div>
          <button className="button" type="submit" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create integration"}
          </button>
        </div>
      </form>
    </div>
  );
}

/** Alerts that were named but not stored: never lost silently (see the README on Alertmanager's max_alerts). */
function DroppedAlertsNote({
  dropped,
  timeZone,
}: {
  dropped: NonNullable<IntegrationItem["droppedAlerts"]>;
  timeZone: string;
}) {
  const parts = [
    dropped.truncated > 0 ? `${dropped.truncated} left out by Alertmanager (max_alerts)` : null,
    dropped.oversize > 0 ? `${dropped.oversize} past the size limit` : null,
    dropped.invalid > 0 ? `${dropped.invalid} unreadable` : null,
  ].filter((part): part is string => part !== null);
  return (
    <span className="stat-note dropped-alerts" role="note">
      {" "}
      Alerts not stored: {parts.join(", ")}; last {localDateTime(dropped.lastAt, timeZone)}.
    </span>
  );
}
