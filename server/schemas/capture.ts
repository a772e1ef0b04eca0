import { z } from "zod";
import { MAX_ENTRY_MINUTES } from "@/server/domain/accounting/duration";
import { toilTraits } from "./work-log";

/** Inputs of the capture inbox procedures, shared by the inbox component and the API. */

const interruptId = z.uuid("interruptId must be an interrupt's id");

export const capturedInterruptInput = z.strictObject({ interruptId });

export const confirmCaptureInput = z.strictObject({
  interruptId,
  minutes: z
    .int("Use whole minutes")
    .min(1, "At least 1 minute")
    .max(MAX_ENTRY_MINUTES, "At most 24 h in one entry; log longer work in several entries"),
  /** Defaults to manual and tactical: answering a page by hand. */
  traits: toilTraits.optional(),
});

export const captureInboxInput = z.strictObject({ limit: z.int().min(1).max(100).default(50) }).default({ limit: 50 });
