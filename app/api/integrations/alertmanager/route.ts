import { serverNow } from "@/server/clock";
import { getDatabase } from "@/server/db/runtime";
import { receiveAlertmanagerWebhook } from "@/server/integrations/alertmanager/receive-webhook";
import { bearerSecret } from "@/server/services/api-tokens/authenticate-token";
import { unknownIntegration } from "@/server/integrations/http/webhook-response";

/**
 * Alertmanager's webhook receiver with the secret in an `Authorization: Bearer` header (`http_config.authorization`
 * in Alertmanager), so it stays out of the URL that Alertmanager logs on every failed delivery.
 */
export async function POST(request: Request): Promise<Response> {
  const secret = bearerSecret(request.headers);
  if (!secret) return unknownIntegration({ "www-authenticate": 'Bearer realm="toilcap"' });
  return receiveAlertmanagerWebhook(request, secret, {
    db: async () => (await getDatabase()).db,
    now: serverNow,
  });
}
