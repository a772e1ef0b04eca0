import { MAX_DELIVERY_ATTEMPTS } from "@/server/domain/breaches/delivery";
import type { TeamBreachItem } from "./types";

/** The webhook column: "sent", "retrying (2 of 5): HTTP 500", "failed: timed out after 5 s", "no webhook". */
export function deliveryText(
  breach: Pick<TeamBreachItem, "deliveryStatus" | "deliveryAttempts" | "deliveryError">,
): string {
  switch (breach.deliveryStatus) {
    case "sent":
      return breach.deliveryAttempts > 1 ? `sent (attempt ${breach.deliveryAttempts})` : "sent";
    case "pending":
      return breach.deliveryAttempts === 0
        ? "sending"
        : `retrying (${breach.deliveryAttempts} of ${MAX_DELIVERY_ATTEMPTS} tried)${breach.deliveryError ? `: ${breach.deliveryError}` : ""}`;
    case "failed":
      return `failed after ${breach.deliveryAttempts} attempts${breach.deliveryError ? `: ${breach.deliveryError}` : ""}`;
    case "none":
      return "no webhook";
  }
}
