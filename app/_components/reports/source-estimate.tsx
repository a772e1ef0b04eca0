"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { messageOf } from "@/app/_lib/field-errors";
import { useTRPC } from "@/app/_lib/trpc";
import { estimateSummary, measuredText, paybackText } from "./payback-text";
import type { ToilSourceRow } from "./types";

type Estimate = NonNullable<ToilSourceRow["estimate"]>;

/** What an estimate pays back, and for a manager a remove button whose undo saves the same figures again. */
export function SourceEstimate({
  teamId,
  source,
  canEdit,
  onStatus,
}: {
  teamId: string;
  source: ToilSourceRow;
  canEdit: boolean;
  onStatus: (status: { message: string; undo?: () => void }) => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const restore = useMutation(trpc.reports.saveEstimate.mutationOptions({ onSuccess: () => router.refresh() }));
  const remove = useMutation(
    trpc.reports.removeEstimate.mutationOptions({
      onSuccess: () => router.refresh(),
      onError: (error) => onStatus({ message: messageOf(error) }),
    }),
  );
  const estimate = source.estimate;
  if (!estimate) return null;

  function undoOf(removed: Estimate) {
    return () => {
      restore.mutate({
        teamId,
        sourceKind: removed.sourceKind,
        sourceKey: removed.sourceKey,
        buildHours: removed.buildHours,
        maintenanceHoursPerMonth: removed.maintenanceHoursPerMonth,
        automatedOn: removed.automatedOn,
      });
      onStatus({ message: `Estimate for ${removed.sourceLabel} restored.` });
    };
  }

  return (
    <div className="source-estimate">
      <p className="payback">
        <strong>{paybackText(estimate)}</strong>
      </p>
      <p className="stat-note">{estimateSummary(estimate)}</p>
      {source.measured && <p className="payback">{measuredText(source.measured)}</p>}
      {canEdit && (
        <button
          type="button"
          className="link-button danger"
          disabled={remove.isPending}
          onClick={() =>
            remove.mutate(
              { teamId, id: estimate.id },
              {
                onSuccess: () =>
                  onStatus({ message: `Estimate for ${estimate.sourceLabel} removed.`, undo: undoOf(estimate) }),
              },
            )
          }
        >
          Remove estimate<span className="visually-hidden"> for {source.label}</span>
        </button>
      )}
    </div>
  );
}
