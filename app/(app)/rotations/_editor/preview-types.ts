import type { RotationDraftInput } from "@/app/_components/rotations/types";

/** What the preview and fair fill procedures read: a valid draft, optionally of a saved rotation, and a horizon. */
export interface WhatIfInput {
  teamId: string;
  rotationId?: string;
  draft: RotationDraftInput;
  horizon: { from: Date; weeks: number };
}

export const HORIZON_WEEKS = [4, 8, 13, 26] as const;
