import type { BreachPayload } from "./payload";
import { BREACH_EVENT_TYPE } from "./payload";
import { postJson, type WebhookAnswer } from "./post-json";
import { signedHeaders } from "./signature";

/**
 * POSTs one breach event to a team's webhook, signed per Standard Webhooks with the team's secret. The
 * signature's timestamp is the real time of sending, not the accounting clock: receivers compare it with
 * their own clock to refuse replays.
 */
export function sendBreachEvent(url: string, signingSecret: string, payload: BreachPayload): Promise<WebhookAnswer> {
  const body = JSON.stringify(payload);
  return postJson(url, body, {
    headers: {
      "x-toilcap-event": BREACH_EVENT_TYPE,
      "x-toilcap-delivery": payload.id,
      ...signedHeaders(signingSecret, payload.id, new Date(), body),
    },
  });
}
