import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import type { Viewer } from "@/server/auth/permissions";
import type { capturedInterruptInput } from "@/server/schemas/capture";
import { DomainError } from "../errors";
import { capturedNoun, loadCapturedGroup } from "./load-captured-group";
import { decidePages } from "./decide-pages";

export type CapturedInterruptInput = z.output<typeof capturedInterruptInput>;

/**
 * Dismisses a captured incident (not worth logging: noise, or handled within another entry). Soft: the pages stay,
 * and `restoreCapture` puts them back in the inbox.
 */
export async function dismissCapture(
  db: Db,
  viewer: Viewer,
  input: CapturedInterruptInput,
  now: Date,
): Promise<{ interruptIds: string[] }> {
  return db.transaction(async (tx) => {
    const { target, pages } = await loadCapturedGroup(tx, viewer, input.interruptId);
    if (target.captureStatus !== "captured")
      throw new DomainError(
        "conflict",
        `This ${capturedNoun(target)} was already ${target.captureStatus}.`,
        "interruptId",
      );
    const captured = pages.filter((page) => page.captureStatus === "captured");
    await decidePages(tx, viewer, captured, "dismissed", now);
    return { interruptIds: captured.map((page) => page.id) };
  });
}

/** Undo of a dismissal. Restoring pages that are already back in the inbox changes nothing, so a repeated undo is harmless. */
export async function restoreCapture(
  db: Db,
  viewer: Viewer,
  input: CapturedInterruptInput,
  now: Date,
): Promise<{ interruptIds: string[] }> {
  return db.transaction(async (tx) => {
    const { target, pages } = await loadCapturedGroup(tx, viewer, input.interruptId);
    if (target.captureStatus === "confirmed")
      throw new DomainError(
        "conflict",
        `This ${capturedNoun(target)} was confirmed: remove its entry from your week instead.`,
        "interruptId",
      );
    const dismissed = pages.filter((page) => page.captureStatus === "dismissed");
    await decidePages(tx, viewer, dismissed, "captured", now);
    return { interruptIds: dismissed.map((page) => page.id) };
  });
}
