import { describe, expect, test } from "vitest";
import { parseAlertmanagerPayload } from "./payload";
import { CHECKOUT_5XX, GROUP_KEY, notification, PAYMENTS_5XX, resolved } from "@/server/testing/alertmanager-payloads";
import { serviceOf, severityOf, summaryOf, toNotification } from "./to-signals";

const parse = (value: unknown) => parseAlertmanagerPayload(typeof value === "string" ? value : JSON.stringify(value));

function reasonOf(value: unknown): string {
  const result = parse(value);
  if (result.ok) throw new Error("expected a refusal");
  return result.reason;
}

describe("parseAlertmanagerPayload", () => {
  test("reads a firing notification as Alertmanager sends it", () => {
    const result = parse(notification([PAYMENTS_5XX, CHECKOUT_5XX]));
    if (!result.ok) throw new Error(result.reason);
    expect(result.payload.groupKey).toBe(GROUP_KEY);
    expect(result.payload.status).toBe("firing");
    const [first] = result.payload.alerts;
    expect(first).toMatchObject({ status: "firing", fingerprint: PAYMENTS_5XX.fingerprint, endsAt: null });
    // Nanoseconds are cut to milliseconds.
    expect(first?.startsAt.toISOString()).toBe("2026-03-04T13:02:11.482Z");
  });

  test("reads a resolved alert's end; Go's zero time means not ended", () => {
    const result = parse(notification([resolved(PAYMENTS_5XX, "2026-03-04T13:40:00Z"), CHECKOUT_5XX]));
    if (!result.ok) throw new Error(result.reason);
    expect(result.payload.alerts.map((a) => [a.status, a.endsAt?.toISOString() ?? null])).toEqual([
      ["resolved", "2026-03-04T13:40:00.000Z"],
      ["firing", null],
    ]);
  });

  test("accepts offsets, a missing endsAt and annotations, and unknown extra fields", () => {
    const payload = notification([PAYMENTS_5XX]);
    const [alert] = payload.alerts;
    if (!alert) throw new Error("no alert");
    const { endsAt: _end, annotations: _notes, ...bare } = alert;
    const result = parse({
      ...payload,
      newField: { x: 1 },
      alerts: [{ ...bare, startsAt: "2026-03-04T14:02:11+01:00", extra: true }],
    });
    if (!result.ok) throw new Error(result.reason);
    expect(result.payload.alerts[0]).toMatchObject({ endsAt: null, annotations: {} });
    expect(result.payload.alerts[0]?.startsAt.toISOString()).toBe("2026-03-04T13:02:11.000Z");
  });

  test("an empty alert list is a valid notification", () => {
    expect(parse(notification([])).ok).toBe(true);
  });

  test.each([
    ["not JSON", "{ not json", /not valid JSON/],
    ["an empty body", "", /not valid JSON/],
    ["JSON that is not an object", "[1, 2]", /Not an Alertmanager version 4 payload/],
    ["another version", { ...notification([PAYMENTS_5XX]), version: "3" }, /version: must be "4"/],
    ["no group key", { ...notification([PAYMENTS_5XX]), groupKey: undefined }, /groupKey: must be a string/],
    ["a bad status", { ...notification([PAYMENTS_5XX]), status: "pending" }, /status: must be "firing" or "resolved"/],
    ["alerts not a list", { ...notification([PAYMENTS_5XX]), alerts: {} }, /alerts: must be a list of alerts/],
  ])("refuses %s, saying why", (_name, body, reason) => {
    expect(reasonOf(body)).toMatch(reason);
  });

  test.each([
    ["startsAt", { startsAt: "yesterday" }, /alerts\.0\.startsAt: must be an RFC 3339 date and time/],
    ["startsAt", { startsAt: "1999-12-31T23:00:00Z" }, /alerts\.0\.startsAt: must be between the years 2000 and 2100/],
    ["endsAt", { endsAt: "soon" }, /alerts\.0\.endsAt: must be an RFC 3339/],
    ["fingerprint", { fingerprint: "" }, /alerts\.0\.fingerprint: must not be empty/],
    ["fingerprint", { fingerprint: 42 }, /alerts\.0\.fingerprint: must be a string/],
    ["status", { status: "silenced" }, /alerts\.0\.status/],
    ["labels", { labels: { alertname: 1 } }, /alerts\.0\.labels\.alertname: label values must be strings/],
  ])("refuses only the alert at fault, naming its field, and keeps the others: %s", (_field, change, reason) => {
    const payload = notification([PAYMENTS_5XX, CHECKOUT_5XX]);
    const result = parse({ ...payload, alerts: [{ ...payload.alerts[0], ...change }, payload.alerts[1]] });
    if (!result.ok) throw new Error(result.reason);
    expect(result.payload.alerts.map((a) => a.fingerprint)).toEqual([CHECKOUT_5XX.fingerprint]);
    expect(result.refusedAlerts).toEqual([{ index: 0, reason: expect.stringMatching(reason) }]);
    expect(result.losses).toEqual({ truncated: 0, oversize: 0, invalid: 1 });
  });

  test("records Alertmanager's truncatedAlerts as lost, and refuses a bad count", () => {
    const result = parse({ ...notification([PAYMENTS_5XX]), truncatedAlerts: 2 });
    if (!result.ok) throw new Error(result.reason);
    expect(result.losses).toEqual({ truncated: 2, oversize: 0, invalid: 0 });
    expect(reasonOf({ ...notification([PAYMENTS_5XX]), truncatedAlerts: -1 })).toMatch(
      /truncatedAlerts: must be 0 or more/,
    );
  });

  test("keeps the first 1000 alerts of a larger group and counts the rest as dropped", () => {
    const many = Array.from({ length: 1003 }, (_, i) => ({ ...PAYMENTS_5XX, fingerprint: `fp${i}` }));
    const result = parse(notification(many));
    if (!result.ok) throw new Error(result.reason);
    expect(result.payload.alerts).toHaveLength(1000);
    expect(result.losses).toEqual({ truncated: 0, oversize: 3, invalid: 0 });
  });

  test("keeps the alerts that fit the byte budget, in order, and counts the rest", () => {
    const alerts = Array.from({ length: 10 }, (_, i) => ({ ...PAYMENTS_5XX, fingerprint: `fp${i}` }));
    const oneAlert = Buffer.byteLength(JSON.stringify(notification(alerts).alerts[0]));
    const result = parseAlertmanagerPayload(JSON.stringify(notification(alerts)), { alertBytes: oneAlert * 4 + 10 });
    if (!result.ok) throw new Error(result.reason);
    expect(result.payload.alerts.map((a) => a.fingerprint)).toEqual(["fp0", "fp1", "fp2", "fp3"]);
    expect(result.losses.oversize).toBe(6);
  });

  test("cleans NUL and lone surrogates out of labels and annotations instead of failing the notification", () => {
    const payload = notification([{ ...PAYMENTS_5XX, summary: "disk\u0000full \ud800" }]);
    const result = parse(payload);
    if (!result.ok) throw new Error(result.reason);
    expect(result.payload.alerts[0]?.annotations.summary).toBe("diskfull \ufffd");
  });
});

describe("reading alerts into pages", () => {
  test("severity from the severity label, common spellings, else medium", () => {
    expect(severityOf({ severity: "critical" })).toBe("critical");
    expect(severityOf({ severity: "Warning" })).toBe("medium");
    expect(severityOf({ severity: "error" })).toBe("high");
    expect(severityOf({ priority: "P4" })).toBe("low");
    expect(severityOf({ severity: "none" })).toBe("info");
    expect(severityOf({ severity: "whatever" })).toBe("medium");
    expect(severityOf({})).toBe("medium");
  });

  test("service from service, app, job or namespace", () => {
    expect(serviceOf({ service: "payments-api", job: "node" })).toBe("payments-api");
    expect(serviceOf({ job: "node-exporter" })).toBe("node-exporter");
    expect(serviceOf({ alertname: "Watchdog" })).toBeNull();
  });

  test("summary from the annotations, else the alert name and instance, on one line and at most 300 characters", () => {
    expect(summaryOf({ labels: {}, annotations: { summary: "Disk  full\non node-3" } })).toBe("Disk full on node-3");
    expect(summaryOf({ labels: {}, annotations: { description: "Replica lag 900s" } })).toBe("Replica lag 900s");
    expect(summaryOf({ labels: { alertname: "NodeDown", instance: "10.0.0.7:9100" }, annotations: {} })).toBe(
      "NodeDown on 10.0.0.7:9100",
    );
    expect(summaryOf({ labels: {}, annotations: {} })).toBe("Alert");
    expect(summaryOf({ labels: {}, annotations: { summary: "x".repeat(500) } })).toHaveLength(300);
  });

  test("a notification becomes one group of signals", () => {
    const result = parse(notification([PAYMENTS_5XX, resolved(CHECKOUT_5XX, "2026-03-04T13:30:00Z")]));
    if (!result.ok) throw new Error(result.reason);
    const signals = toNotification(result.payload, new Date("2026-03-04T14:00:00Z"));
    expect(signals.groupKey).toBe(GROUP_KEY);
    expect(signals.alerts).toEqual([
      expect.objectContaining({
        alertName: "HighErrorRate",
        service: "payments-api",
        severity: "critical",
        status: "firing",
        summary: PAYMENTS_5XX.summary,
      }),
      expect.objectContaining({
        service: "checkout",
        severity: "medium",
        status: "resolved",
        endsAt: new Date("2026-03-04T13:30:00Z"),
      }),
    ]);
  });

  test("a resolved alert without an end closes when it was received", () => {
    const { endsAt: _end, ...withoutEnd } =
      notification([resolved(CHECKOUT_5XX, "2026-03-04T13:30:00Z")]).alerts[0] ?? {};
    const result = parse({
      ...notification([]),
      status: "resolved",
      alerts: [withoutEnd, { ...withoutEnd, fingerprint: "zero", endsAt: "0001-01-01T00:00:00Z" }],
    });
    if (!result.ok) throw new Error(result.reason);
    const receivedAt = new Date("2026-03-04T14:00:00Z");
    expect(toNotification(result.payload, receivedAt).alerts.map((a) => a.endsAt)).toEqual([receivedAt, receivedAt]);
  });
});
