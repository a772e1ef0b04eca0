/**
 * Alertmanager notifications as Alertmanager 0.27 sends them (webhook format version 4), for tests: Go's
 * nanosecond timestamps, the zero time as a firing alert's end, and the fields Toilcap ignores.
 */

export interface TestAlert {
  fingerprint: string;
  alertname: string;
  startsAt: string;
  /** Set for a resolved alert. */
  endsAt?: string;
  summary?: string;
  severity?: string;
  service?: string;
  instance?: string;
}

/** Go's zero time: what Alertmanager writes as the end of an alert still firing. */
export const GO_ZERO_TIME = "0001-01-01T00:00:00Z";

export const GROUP_KEY = '{}/{severity=~"critical|warning"}:{alertname="HighErrorRate", service="payments-api"}';

function alertJson(alert: TestAlert) {
  const labels: Record<string, string> = { alertname: alert.alertname, prometheus: "monitoring/k8s" };
  if (alert.severity) labels.severity = alert.severity;
  if (alert.service) labels.service = alert.service;
  if (alert.instance) labels.instance = alert.instance;
  const annotations: Record<string, string> = { runbook_url: `https://runbooks.example.test/${alert.alertname}` };
  if (alert.summary) annotations.summary = alert.summary;
  return {
    status: alert.endsAt ? "resolved" : "firing",
    labels,
    annotations,
    startsAt: alert.startsAt,
    endsAt: alert.endsAt ?? GO_ZERO_TIME,
    generatorURL: `http://prometheus.example.test/graph?g0.expr=${encodeURIComponent(alert.alertname)}&g0.tab=1`,
    fingerprint: alert.fingerprint,
  };
}

/** One notification of a group: status is "resolved" only when every alert in it is. */
export function notification(alerts: TestAlert[], groupKey = GROUP_KEY) {
  const first = alerts[0];
  return {
    receiver: "toilcap",
    status: alerts.every((alert) => alert.endsAt) ? "resolved" : "firing",
    alerts: alerts.map(alertJson),
    groupLabels: { alertname: first?.alertname ?? "" },
    commonLabels: { alertname: first?.alertname ?? "", prometheus: "monitoring/k8s" },
    commonAnnotations: {},
    externalURL: "http://alertmanager.example.test:9093",
    version: "4",
    groupKey,
    truncatedAlerts: 0,
  };
}

export const PAYMENTS_5XX: TestAlert = {
  fingerprint: "4f9a2c1d7e3b8a60",
  alertname: "HighErrorRate",
  startsAt: "2026-03-04T13:02:11.482913645Z",
  summary: "payments-api 5xx ratio 7.2% (threshold 2%)",
  severity: "critical",
  service: "payments-api",
};

export const CHECKOUT_5XX: TestAlert = {
  fingerprint: "9b0e51c3aa27d4f2",
  alertname: "HighErrorRate",
  startsAt: "2026-03-04T13:04:41.100000000Z",
  summary: "checkout 5xx ratio 3.1% (threshold 2%)",
  severity: "warning",
  service: "checkout",
};

/** The same alert, resolved. */
export function resolved(alert: TestAlert, endsAt: string): TestAlert {
  return { ...alert, endsAt };
}
