import { z } from "zod";

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
  fingerprint: z.string({ error: "must be a string" }).trim().min(1, "must not be empty").max(128, "at most 128 characters"),
  generatorURL: z.string().optional(),
});
export type AlertmanagerAlert = z.output<typeof alertmanagerAlert>;

/** A bound on one notification, beside the byte limit: Alertmanager's max_alerts keeps real groups far below it. */
export const MAX_ALERTS_PER_NOTIFICATION = 1000;

export const alertmanagerPayload = z.object({
  version: z.literal("4", { error: 'must be "4" (Alertmanager webhook format version 4)' }),
  groupKey: z.string({ error: "must be a string" }).min(1, "must not be empty").max(1000, "at most 1000 characters"),
  status: z.enum(["firing", "resolved"], { error: 'must be "firing" or "resolved"' }),
  truncatedAlerts: z.int().min(0).optional(),
  alerts: z
    .array(alertmanagerAlert, { error: "must be a list of alerts" })
    .max(MAX_ALERTS_PER_NOTIFICATION, `at most ${MAX_ALERTS_PER_NOTIFICATION} alerts in one notification`),
});
export type AlertmanagerPayload = z.output<typeof alertmanagerPayload>;

export type ParsedPayload = { ok: true; payload: AlertmanagerPayload } | { ok: false; reason: string };

/** "alerts.0.startsAt: must be an RFC 3339 date and time" — the field, then what is wrong with it. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}

/** Reads a webhook body: JSON, then the version 4 shape. Never throws. */
export function parseAlertmanagerPayload(body: string): ParsedPayload {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    const detail = error instanceof SyntaxError ? `: ${error.message}` : "";
    return { ok: false, reason: `The body is not valid JSON${detail}.` };
  }
  const parsed = alertmanagerPayload.safeParse(json);
  if (!parsed.success) return { ok: false, reason: `Not an Alertmanager version 4 payload: ${describeIssues(parsed.error)}.` };
  return { ok: true, payload: parsed.data };
}
