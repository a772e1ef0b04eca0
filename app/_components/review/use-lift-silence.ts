"use client";

import { useMutation } from "@tanstack/react-query";
import { messageOf } from "@/app/_lib/field-errors";
import { useTRPC } from "@/app/_lib/trpc";
import { useStatus } from "@/app/_components/app-status";
import { useReviewRefresh } from "./use-review-refresh";

/** Lifting a silence, with Undo in the status message (which restores it). */
export function useLiftSilence(teamId: string) {
  const trpc = useTRPC();
  const announce = useStatus();
  const refresh = useReviewRefresh();
  const restore = useMutation(
    trpc.review.restoreSilence.mutationOptions({
      onSuccess: (silence) => announce({ text: `${silence.alertName} is silenced again.` }),
      onError: (failure) => announce({ text: `Could not undo: ${messageOf(failure)}`, tone: "error" }),
      onSettled: refresh,
    }),
  );
  const lift = useMutation(
    trpc.review.liftSilence.mutationOptions({
      onSuccess: (silence) =>
        announce({
          text: `Silence of ${silence.alertName} lifted: its pages go to the inbox again.`,
          tone: "info",
          action: { label: "Undo", run: () => restore.mutate({ teamId, silenceId: silence.id }) },
        }),
      onError: (failure) => announce({ text: `Could not lift the silence: ${messageOf(failure)}`, tone: "error" }),
      onSettled: refresh,
    }),
  );
  return {
    lift: (silenceId: string) => lift.mutate({ teamId, silenceId }),
    pending: lift.isPending || restore.isPending,
  };
}
