import { serverNow } from "@/server/clock";
import { getDatabase } from "@/server/db/runtime";
import { receivePagerdutyWebhook } from "@/server/integrations/pagerduty/receive-webhook";

/**
 * PagerDuty's v3 webhook subscription delivers here: the secret in the path names the integration, and every
 * delivery is signed with the subscription's signing secret; see server/integrations/pagerduty/receive-webhook.ts.
 */
export async function POST(request: Request, context: { params: Promise<{ secret: string }> }): Promise<Response> {
  const { secret } = await context.params;
  return receivePagerdutyWebhook(request, secret, { db: async () => (await getDatabase()).db, now: serverNow });
}
