"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { messageOf } from "@/app/_lib/field-errors";
import { useTRPC } from "@/app/_lib/trpc";
import type { ApiTokenView } from "@/server/services/api-tokens/token-view";
import { useStatus } from "@/app/_components/app-status";
import { Modal, ModalHead } from "@/app/_components/modal";

/** Revoking cannot be undone (the secret is gone), so it is confirmed first. */
export function RevokeTokenDialog({ token, onClose: close }: { token: ApiTokenView | null; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const announce = useStatus();
  const onClose = () => {
    revoke.reset();
    close();
  };
  const revoke = useMutation(
    trpc.apiTokens.revoke.mutationOptions({
      onSuccess: () => {
        announce({ text: `Token “${token?.name ?? ""}” revoked.` });
        onClose();
      },
      onSettled: () => queryClient.invalidateQueries(trpc.apiTokens.list.pathFilter()),
    }),
  );

  return (
    <Modal open={token !== null} onClose={onClose} labelledBy="revoke-token-title" className="small-dialog">
      <ModalHead titleId="revoke-token-title" onClose={onClose}>
        Revoke token?
      </ModalHead>
      <div className="modal-body">
        <p style={{ margin: 0 }}>
          Scripts using <strong>{token?.name}</strong> (<code>{token?.prefix}…</code>) stop working at once. This cannot
          be undone.
        </p>
        {revoke.error && (
          <div className="alert error" role="alert">
            {messageOf(revoke.error)}
          </div>
        )}
      </div>
      <div className="modal-foot">
        <div className="modal-actions">
          <button
            className="button"
            type="button"
            style={{ background: "var(--danger)" }}
            disabled={revoke.isPending || token === null}
            onClick={() => token && revoke.mutate({ id: token.id })}
          >
            {revoke.isPending ? "Revoking…" : "Revoke token"}
          </button>
          <button className="button secondary" type="button" data-autofocus onClick={onClose}>
            Cancel
          </button>
        </div>
      </div>
    </Modal>
  );
}
