import { signedInCaller } from "@/server/trpc/server";
import { HandoffPanel } from "./handoff-panel";

/**
 * My work's hand-off card, beside "On call now": the note handed to me when I am on duty now or next, and a box
 * for mine while I hold a shift (or just handed one off). Renders nothing for someone with neither.
 */
export async function HandoffCard({ teamId, zone }: { teamId: string; zone: string }) {
  const caller = await signedInCaller();
  const handoffs = await caller.handoffs.forMe({ teamId });
  if (handoffs.incoming.length === 0 && handoffs.outgoing.length === 0) return null;
  return <HandoffPanel teamId={teamId} zone={zone} initial={handoffs} />;
}
