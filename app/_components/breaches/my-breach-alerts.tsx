import { signedInCaller } from "@/server/trpc/server";
import { BreachAlerts } from "./breach-alerts";

/** My work: the caller's cap breaches not yet dismissed; nothing at all when there are none. */
export async function MyBreachAlerts() {
  const caller = await signedInCaller();
  const breaches = await caller.breaches.mine();
  return <BreachAlerts initial={breaches} />;
}
