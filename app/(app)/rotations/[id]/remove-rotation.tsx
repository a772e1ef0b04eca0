"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { messageOf } from "@/app/_lib/field-errors";
import { useTRPC, useTRPCClient } from "@/app/_lib/trpc";
import { useStatus } from "@/app/_components/app-status";
import { useRotationsRefresh } from "@/app/_components/rotations/use-rotations-refresh";

/**
 * Soft delete: the shifts held so far stay recorded, nothing is planned from now on. The page goes back to the
 * list, where the message's Undo restores the rotation (the restore runs even though this page is gone).
 */
export function RemoveRotationButton({
  teamId,
  rotationId,
  name,
}: {
  teamId: string;
  rotationId: string;
  name: string;
}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const router = useRouter();
  const announce = useStatus();
  const refresh = useRotationsRefresh();
  const remove = useMutation(trpc.rotations.remove.mutationOptions());

  const restore = () => {
    client.rotations.restore
      .mutate({ teamId, rotationId })
      .then(() => {
        announce({ text: `Rotation "${name}" restored.` });
        router.refresh();
      })
      .catch((error: unknown) => announce({ text: `Could not restore "${name}": ${messageOf(error)}`, tone: "error" }))
      .finally(() => void refresh());
  };

  return (
    <button
      type="button"
      className="button secondary danger"
      disabled={remove.isPending}
      onClick={() =>
        remove.mutate(
          { teamId, rotationId },
          {
            onSuccess: () => {
              announce({ text: `Rotation "${name}" removed.`, tone: "info", action: { label: "Undo", run: restore } });
              void refresh();
              router.push("/rotations");
            },
            onError: (error) => announce({ text: `Could not remove "${name}": ${messageOf(error)}`, tone: "error" }),
          },
        )
      }
    >
      {remove.isPending ? "Removing…" : "Remove rotation"}
    </button>
  );
}
