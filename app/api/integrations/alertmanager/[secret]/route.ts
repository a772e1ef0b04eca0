import { serverNow } from "@/server/clock";
import { getDatabase } from "@/server/db/runtime";
import { receiveAlertmanagerWebhook } from "@/server/integrations/alertmanager/receive-webhook";

/**
 * Alertmanager's webhook receiver: point a `webhook_configs` URL at it. The secret in the path is the only
 * credential, as Alertmanager cannot sign in; see server/integrations/alertmanager/receive-webhook.ts.
 */
export async function POST(request: Request, context: { params: Promise<{ secret: string }> }): Promise<Response> {
  const { secret } = await context.params;
  return receiveAlertmanagerWebhook(request, secret, { db: async () => (await getDatabase()).db, now: serverNow });
}
