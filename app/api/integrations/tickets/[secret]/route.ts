import { serverNow } from "@/server/clock";
import { getDatabase } from "@/server/db/runtime";
import { receiveTicketWebhook } from "@/server/integrations/tickets/receive-webhook";

/**
 * A ticket system's webhook: one ticket per POST, as JSON. The secret in the path is the only credential;
 * see server/integrations/tickets/receive-webhook.ts and webhook-payload.ts for what is accepted.
 */
export async function POST(request: Request, context: { params: Promise<{ secret: string }> }): Promise<Response> {
  const { secret } = await context.params;
  return receiveTicketWebhook(request, secret, { db: async () => (await getDatabase()).db, now: serverNow });
}
