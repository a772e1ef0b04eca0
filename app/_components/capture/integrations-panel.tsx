"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { fieldErrorsOf, messageOf } from "@/app/_lib/field-errors";
import { localDateTime } from "@/app/_lib/format";
import { useTRPC } from "@/app/_lib/trpc";
import { useStatus } from "@/app/_components/app-status";
import { FieldError } from "@/app/_components/field-error";
import { NewIntegrationSecret } from "./new-integration-secret";
import type { CreatedIntegration, IntegrationItem } from "./types";

/**
 * Settings: the team's Alertmanager integrations. Planners and managers create one per rotation (its on-call
 * engineer is credited with the pages), copy its URL once, and revoke it. Render it only for them: the
 * procedures refuse everyone else.
 */
export function IntegrationsPanel({ teamId, timeZone }: { teamId: string; timeZone: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const announce = useStatus();
  const integrations = useQuery(trpc.integrations.list.queryOptions({ teamId }));
  const rotations = useQuery(trpc.rotations.list.queryOptions({ teamId }));
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
      onSuccess: (result) => announce({ text: `Revoked ${result.name}: its URL no longer accepts alerts.` }),
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
    create.mutate({ teamId, kind: "alertmanager", name, rotationId: rotationId || null });
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
        <table>
          <caption className="visually-hidden">Integrations of this team</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
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
                <td>{item.rotationName ? `On call in ${item.rotationName}` : item.kind === "ticket-webhook" ? "Ticket assignee" : "—"}</td>
                <td>
                  <code>…/{item.prefix}…</code>
                </td>
                <td className="nowrap">{item.lastUsedAt ? localDateTime(item.lastUsedAt, timeZone) : "never"}</td>
                <td>
                  {item.revokedAt ? (
                    <span className="stat-note">revoked {localDateTime(item.revokedAt, timeZone)}</span>
                  ) : confirming === item.id ? (
                    <span role="group" aria-label={`Revoke ${item.name}?`}>
                      <button type="button" className="link-button danger" onClick={() => revoke.mutate({ teamId, integrationId: item.id })} disabled={revoke.isPending}>
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
      ) : (
        integrations.data && <p className="stat-note">No integrations yet: add one to capture pages from Alertmanager.</p>
      )}
      <h3 className="subhead">Add an Alertmanager integration</h3>
      <form className="stack" onSubmit={onSubmit} noValidate>
        {create.error && Object.keys(errors).length === 0 && (
          <div className="alert error" role="alert">
            {messageOf(create.error)}
          </div>
        )}
        <div className="row">
          <div className="field">
            <label htmlFor="integration-name">Name</label>
            <input
              id="integration-name"
              value={name}
              placeholder="Prometheus production"
              onChange={(event) => setName(event.target.value)}
              aria-invalid={errors.name ? true : undefined}
              aria-describedby="integration-name-error"
            />
            <FieldError id="integration-name-error" messages={errors.name} />
          </div>
          <div className="field">
            <label htmlFor="integration-rotation">Credit pages to whoever is on call in</label>
            <select
              id="integration-rotation"
              value={rotationId}
              onChange={(event) => setRotationId(event.target.value)}
              aria-invalid={errors.rotationId ? true : undefined}
              aria-describedby="integration-rotation-error"
            >
              <option value="">Choose a rotation</option>
              {pagerRotations.map((rotation) => (
                <option key={rotation.id} value={rotation.id}>
                  {rotation.name} ({rotation.role})
                </option>
              ))}
            </select>
            <FieldError id="integration-rotation-error" messages={errors.rotationId} />
          </div>
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
