"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { messageOf } from "@/app/_lib/field-errors";
import { useTRPC, useTRPCClient } from "@/app/_lib/trpc";
import { useStatus } from "@/app/_components/app-status";
import { spanText } from "@/app/_components/rotations/spans";
import type { RotationCover, RotationDetail } from "@/app/_components/rotations/types";
import { useRotationsRefresh } from "@/app/_components/rotations/use-rotations-refresh";

function coverText(cover: RotationCover): string {
  return `${cover.personName} covers ${cover.replacesName ?? "whoever is on duty"}`;
}

/**
 * The rotation's covers that have not ended (swaps accepted appear here too). Removing one takes effect at
 * once and offers Undo, which adds the same cover again (from now, if it had begun).
 */
export function CoversList({
  teamId,
  rotation,
  zone,
  mayPlan,
  now,
}: {
  teamId: string;
  rotation: RotationDetail;
  zone: string;
  mayPlan: boolean;
  now: Date;
}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const announce = useStatus();
  const refresh = useRotationsRefresh();
  const { data } = useQuery(
    trpc.rotations.get.queryOptions({ teamId, rotationId: rotation.id }, { initialData: rotation }),
  );
  const current = data.overrides.filter((cover) => cover.endsAt > now);
  const ended = data.overrides.length - current.length;

  const undo = (cover: RotationCover) => {
    client.rotations.restoreOverride
      .mutate({ teamId, overrideId: cover.id })
      .then(() => announce({ text: `Cover restored: ${coverText(cover)}.` }))
      .catch((error: unknown) => announce({ text: `Could not restore the cover: ${messageOf(error)}`, tone: "error" }))
      .finally(() => void refresh());
  };
  const remove = useMutation(
    trpc.rotations.removeOverride.mutationOptions({
      onSuccess: (_result, { overrideId }) => {
        const cover = data.overrides.find((c) => c.id === overrideId);
        announce({
          text: `Cover removed${cover ? `: ${coverText(cover)}` : ""}.`,
          tone: "info",
          ...(cover ? { action: { label: "Undo", run: () => undo(cover) } } : {}),
        });
      },
      onError: (error) => announce({ text: `Could not remove the cover: ${messageOf(error)}`, tone: "error" }),
      onSettled: refresh,
    }),
  );

  return (
    <>
      {current.length === 0 ? (
        <p className="stat-note">No covers coming up.{mayPlan ? " Choose a cell in the schedule to add one." : ""}</p>
      ) : (
        <ul className="cover-list">
          {current.map((cover) => (
            <li key={cover.id}>
              <span className="cover-who">{coverText(cover)}</span>
              <span className="cover-when">{spanText(cover.startsAt, cover.endsAt, zone)}</span>
              {cover.note && <span className="cover-note">{cover.note}</span>}
              {mayPlan && (
                <button
                  type="button"
                  className="link-button danger"
                  disabled={remove.isPending && remove.variables?.overrideId === cover.id}
                  onClick={() => remove.mutate({ teamId, overrideId: cover.id })}
                >
                  Remove
                  <span className="visually-hidden">
                    {" "}
                    cover: {coverText(cover)}, {spanText(cover.startsAt, cover.endsAt, zone)}
                  </span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {ended > 0 && (
        <p className="stat-note">
          {ended === 1
            ? "1 earlier cover is history and stays as it was."
            : `${ended} earlier covers are history and stay as they were.`}
        </p>
      )}
    </>
  );
}
