"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { z } from "zod";
import { createTokenInput, DEFAULT_TOKEN_LIFETIME_DAYS, TOKEN_LIFETIME_DAYS } from "@/server/schemas/api-tokens";
import type { ApiTokenView } from "@/server/services/api-tokens/token-view";
import { type FieldErrors, fieldErrorsOf, messageOf } from "@/app/_lib/field-errors";
import { localDateTime } from "@/app/_lib/format";
import { useTRPC } from "@/app/_lib/trpc";
import { CopyOnce } from "@/app/_components/copy-once";
import { Field } from "@/app/_components/field";
import { RevokeTokenDialog } from "./revoke-token-dialog";
import { scrollRegion } from "@/app/_components/scroll-region";

const STACK = { display: "flex", flexDirection: "column", gap: "0.9rem" } as const;

/**
 * The caller's personal API tokens: create one (its secret is shown once, here), see which exist and when
 * they were last used, revoke one. A token reads what its owner may read, through the JSON API.
 */
export function ApiTokens({
  initial,
  timeZone,
  teamId,
}: {
  initial: ApiTokenView[];
  timeZone: string;
  teamId: string | null;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tokens = useQuery(trpc.apiTokens.list.queryOptions(undefined, { initialData: initial }));
  const [name, setName] = useState("");
  const [lifetimeDays, setLifetimeDays] = useState<number>(DEFAULT_TOKEN_LIFETIME_DAYS);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiTokenView | null>(null);
  const create = useMutation(
    trpc.apiTokens.create.mutationOptions({
      onSuccess: ({ token, secret }) => {
        setCreated({ name: token.name, secret });
        setName("");
      },
      onError: (error) => setErrors(fieldErrorsOf(error)),
      onSettled: () => queryClient.invalidateQueries(trpc.apiTokens.list.pathFilter()),
    }),
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = createTokenInput.safeParse({ name, lifetimeDays });
    setErrors(parsed.success ? {} : z.flattenError(parsed.error).fieldErrors);
    if (!parsed.success) return;
    setCreated(null);
    create.mutate(parsed.data);
  }

  const failure =
    create.error && Object.keys(fieldErrorsOf(create.error)).length === 0 ? messageOf(create.error) : null;
  const list = tokens.data;
  return (
    <div style={STACK}>
      <p className="stat-note" style={{ margin: 0 }}>
        Scripts read the toil report with a token, as you:{" "}
        <code>GET /api/v1/reports/toil?team=…&amp;from=…&amp;to=…</code> with the header{" "}
        <code>Authorization: Bearer tc_…</code>.
        {teamId ? (
          <>
            {" "}
            This team&apos;s id is <code data-testid="team-id">{teamId}</code>.
          </>
        ) : null}
      </p>
      {created && <NewSecret name={created.name} secret={created.secret} onDone={() => setCreated(null)} />}
      <form className="row" onSubmit={onSubmit} noValidate aria-label="Create an API token">
        <Field id="token-name" label="Token name" errors={errors.name} style={{ flex: "1 1 16rem" }}>
          {(control) => (
            <input
              {...control}
              autoComplete="off"
              value={name}
              placeholder="e.g. Grafana toil dashboard"
              onChange={(event) => setName(event.target.value)}
              disabled={create.isPending}
            />
          )}
        </Field>
        <div className="field">
          <label htmlFor="token-lifetime">Expires after</label>
          <select
            id="token-lifetime"
            value={lifetimeDays}
            onChange={(event) => setLifetimeDays(Number(event.target.value))}
            disabled={create.isPending}
          >
            {TOKEN_LIFETIME_DAYS.map((days) => (
              <option key={days} value={days}>
                {days} days
              </option>
            ))}
          </select>
        </div>
        <div>
          <button className="button" type="submit" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create token"}
          </button>
        </div>
      </form>
      {failure && (
        <div className="alert error" role="alert">
          {failure}
        </div>
      )}
      {list.length === 0 ? (
        <p className="stat-note">You have no API tokens.</p>
      ) : (
        <div {...scrollRegion("Token list")}>
          <table aria-label="Your API tokens">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Token</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Expires</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((token) => (
                <tr key={token.id}>
                  <td>{token.name}</td>
                  <td className="nowrap">
                    <code>{token.prefix}…</code>
                  </td>
                  <td className="nowrap">{localDateTime(token.createdAt, timeZone)}</td>
                  <td className="nowrap">{token.lastUsedAt ? localDateTime(token.lastUsedAt, timeZone) : "Never"}</td>
                  <td className="nowrap">{token.expiresAt ? localDateTime(token.expiresAt, timeZone) : "Never"}</td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="link-button danger"
                      onClick={() => setRevoking(token)}
                      aria-label={`Revoke ${token.name}`}
                    >
                      Revoke
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <RevokeTokenDialog token={revoking} onClose={() => setRevoking(null)} />
    </div>
  );
}

/** The one moment the secret exists outside the caller's script: copy it now. */
function NewSecret({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  return (
    <CopyOnce value={secret} what="Token" label="Your new token" onDone={onDone}>
      <strong>Token “{name}” created.</strong> Copy it now: it is shown only once, and cannot be recovered later.
    </CopyOnce>
  );
}
