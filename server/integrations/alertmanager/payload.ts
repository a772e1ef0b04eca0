import { z } from "zod";
import { cleanJson } from "../http/clean-text";

/**
 * Alertmanager's webhook payload, version 4 (https://prometheus.io/docs/alerting/latest/configuration/#webhook_config).
 * Fields Toilcap does not use (receiver, externalURL, groupLabels, commonLabels...) are accepted and ignored, so a
 * newer Alertmanager adding fields keeps working; the ones it does use are checked and named when wrong.
 */

/** Alertmanager writes Go's zero time (0001-01-01T00:00:00Z) for "not ended yet". */
const GO_ZERO_YEAR = 1;

/** RFC 3339 as Go writes it: nanoseconds, "Z" or an offset. Date keeps milliseconds, which is plenty for a page. */
const rfc3339 = z.iso.datetime({ offset: true, error: "must be an RFC 3339 date and time" });

/** Same bounds as every instant Toilcap stores (server/schemas/work-log.ts). */
const instant = rfc3339.transform((text, ctx) => {
  const at = new Date(text);
  const year = at.getUTCFullYear();
  if (Number.isNaN(at.getTime()) || year < 2000 || year > 2100) {
    ctx.addIssue({ code: "custom", message: "must be between the years 2000 and 2100" });
    return z.NEVER;
  }
  return at;
});

/** An end time, or null for Go's zero time (a firing alert has not ended). */
const optionalEnd = rfc3339
  .transform((text, ctx): Date | null => {
    const at = new Date(text);
    if (Number.isNaN(at.getTime())) {
      ctx.addIssue({ code: "custom", message: "must be an RFC 3339 date and time" });
      return z.NEVER;
    }
    return at.getUTCFullYear() <= GO_ZERO_YEAR ? null : at;
  })
  .optional()
  .transform((at) => at ?? null);

const labelSet = z.record(z.string(), z.string({ error: "label values must be strings" }));

export const alertmanagerAlert = z.object({
  status: z.enum(["firing", "resolved"], { error: 'must be "firing" or "resolved"' }),
  labels: labelSet,
  annotations: labelSet.optional().transform((annotations) => annotations ?? {}),
  startsAt: instant,
  endsAt: optionalEnd,
  fingerprint: z
    .string({ error: "must be a string" })
    .trim()
    .min(1, "must not be empty")
    .max(128, "at most 128 characters"),
  generatorURL: z.string().optional(),
});
export type AlertmanagerAlert = z.output<typeof alertmanagerAlert>;

/** A bound on one notification, beside the byte limit: Alertmanager's max_alerts keeps real groups far below it. */
export const MAX_ALERTS_PER_NOTIFICATION = 1000;

/** The notification around its alerts: when this is wrong, nothing of it can be trusted and it is refused. */
const envelope = z.object({
  version: z.literal("4", { error: 'must be "4" (Alertmanager webhook format version 4)' }),
  groupKey: z.string({ error: "must be a string" }).min(1, "must not be empty").max(1000, "at most 1000 characters"),
  status: z.enum(["firing", "resolved"], { error: 'must be "firing" or "resolved"' }),
  truncatedAlerts: z.int({ error: "must be a whole number" }).min(0, "must be 0 or more").optional(),
  alerts: z.array(z.unknown(), { error: "must be a list of alerts" }),
});

export interface AlertmanagerPayload {
  groupKey: string;
  status: "firing" | "resolved";
  alerts: AlertmanagerAlert[];
}

/** Alerts of a notification that were not stored, by reason; see db/schema/integrations.ts (webhookAlertLoss). */
export interface PayloadLosses {
  truncated: number;
  oversize: number;
  invalid: number;
}

export interface RefusedAlert {
  index: number;
  reason: string;
}

export type ParsedPayload =
  | { ok: true; payload: AlertmanagerPayload; losses: PayloadLosses; refusedAlerts: RefusedAlert[] }
  | { ok: false; reason: string };

export interface ParseLimits {
  /** The alerts' JSON may take this many bytes in all; the alerts past it are dropped and counted, not refused. */
  alertBytes: number;
}

/** "alerts.0.startsAt: must be an RFC 3339 date and time" — the field, then what is wrong with it. */
function describeIssues(error: z.ZodError, prefix: Array<string | number> = []): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const path = [...prefix, ...issue.path];
      return path.length > 0 ? `${path.join(".")}: ${issue.message}` : issue.message;
    })
    .join("; ");
}

/**
 * Reads a webhook body: JSON, then the version 4 shape. An alert that cannot be read is refused alone (named in
 * `refusedAlerts`), and alerts past the count or byte limit are dropped, so one bad or oversized part never loses
 * the rest of the group. Text is cleaned of NUL and lone surrogates first. Never throws.
 */
export function parseAlertmanagerPayload(
  body: string,
  limits: ParseLimits = { alertBytes: Number.POSITIVE_INFINITY },
): ParsedPayload {
  let json: unknown;
  try {
    json = cleanJson(JSON.parse(body));
  } catch (error) {
    const detail = error instanceof SyntaxError ? `: ${error.message}` : "";
    return { ok: false, reason: `The body is not valid JSON${detail}.` };
  }
  const parsed = envelope.safeParse(json);
  if (!parsed.success)
    return { ok: false, reason: `Not an Alertmanager version 4 payload: ${describeIssues(parsed.error)}.` };
  const { groupKey, status, truncatedAlerts, alerts: rawAlerts } = parsed.data;
  const alerts: AlertmanagerAlert[] = [];
  const refusedAlerts: RefusedAlert[] = [];
  let bytes = 0;
  let kept = 0;
  for (const [index, raw] of rawAlerts.entries()) {
    bytes += Buffer.byteLength(JSON.stringify(raw) ?? "", "utf8");
    if (index >= MAX_ALERTS_PER_NOTIFICATION || bytes > limits.alertBytes) break;
    kept += 1;
    const alert = alertmanagerAlert.safeParse(raw);
    if (alert.success) alerts.push(alert.data);
    else refusedAlerts.push({ index, reason: describeIssues(alert.error, ["alerts", index]) });
  }
  const losses = { truncated: truncatedAlerts ?? 0, oversize: rawAlerts.length - kept, invalid: refusedAlerts.length };
  return { ok: true, payload: { groupKey, status, alerts }, losses, refusedAlerts };
}
