import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { Database } from "@/db/client";
import { useDatabase } from "@/server/db/runtime";
import { capturedPages, deliver, makeCaptureTeam } from "@/server/testing/alertmanager-delivery";
import { notification, PAYMENTS_5XX, resolved, type TestAlert } from "@/server/testing/alertmanager-payloads";
import { at, callerAt } from "@/server/testing/rotation-fixtures";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";

/** The webhook reads the real clock; it is stopped here, after every alert the tests send. */
const NOW = new Date("2026-03-20T12:00:00Z");

let database: Database;
let fx: Awaited<ReturnType<typeof makeCaptureTeam>>;

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  fx = await makeCaptureTeam(database.db);
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
});
afterAll(async () => {
  vi.useRealTimers();
  await database?.close();
});

const ana = () => fx.engineers[1]?.id ?? "";

/** A disk alert as Alertmanager sends it, firing from `startsAt`. */
function disk(fingerprint: string, startsAt: string): TestAlert {
  return {
    fingerprint,
    alertname: "DiskWillFillIn4Hours",
    startsAt,
    summary: "/var/lib/containerd on ip-10-4-7-21 predicted full in 4h",
    severity: "warning",
    service: "k8s-platform",
    instance: "ip-10-4-7-21",
  };
}

async function pageOf(fingerprint: string) {
  const page = (await capturedPages(database.db, fx.team.id)).find((row) => row.alertFingerprint === fingerprint);
  if (!page) throw new Error(`no page for ${fingerprint}`);
  return page;
}

async function silence(alertName: string, setAt: Date, until: string, teamId = fx.team.id, personId = fx.planner.id) {
  const caller = await callerAt(database.db, personId, setAt);
  return caller.review.silence({
    teamId,
    alertName,
    until,
    fixUrl: "https://tracker.example.test/OPS-77",
    reason: "Fix scheduled",
  });
}

describe(`silences on captured pages (${testEngine})`, () => {
  test("a page of a silenced alert is stored, credited and counted, but skips the inbox; its unsilenced sibling waits there", async () => {
    // Set on 10 March until the end of 17 March (Berlin): Ana's week.
    const diskSilence = await silence("DiskWillFillIn4Hours", at("2026-03-10T10:00"), "2026-03-17");
    const group = '{}:{alertname=~"DiskWillFillIn4Hours|HighErrorRate"}';
    const sibling = { ...PAYMENTS_5XX, fingerprint: "5100000000000002", startsAt: "2026-03-11T08:01:30.5Z" };
    const answer = await deliver(
      fx.secret,
      notification([disk("5100000000000001", "2026-03-11T08:00:00.123456789Z"), sibling], group),
    );
    expect(answer).toEqual({ status: 200, body: { ok: true, alerts: 2, created: 2, resolved: 0, unchanged: 0 } });
    const silenced = await pageOf("5100000000000001");
    const waiting = await pageOf("5100000000000002");
    expect(silenced).toMatchObject({
      alertName: "DiskWillFillIn4Hours",
      assigneeId: ana(),
      silenceId: diskSilence.id,
      captureStatus: null,
      isIncident: true,
      incidentId: silenced.id,
    });
    expect(waiting).toMatchObject({
      alertName: "HighErrorRate",
      assigneeId: ana(),
      silenceId: null,
      captureStatus: "captured",
      incidentId: silenced.id,
    });

    const lone = await deliver(
      fx.secret,
      notification([disk("5100000000000003", "2026-03-12T02:40:00Z")], '{}:{alertname="DiskWillFillIn4Hours"}'),
    );
    expect(lone.body).toMatchObject({ created: 1 });
    expect(await pageOf("5100000000000003")).toMatchObject({
      silenceId: diskSilence.id,
      captureStatus: null,
      assigneeId: ana(),
    });

    const inbox = await (await callerAt(database.db, ana(), NOW)).capture.inbox();
    expect(inbox.flatMap((item) => item.alerts.map((alert) => alert.id))).toEqual([waiting.id]);

    // Retries change nothing; the resolution still lands on the silenced page.
    expect(
      (
        await deliver(
          fx.secret,
          notification([disk("5100000000000001", "2026-03-11T08:00:00.123456789Z"), sibling], group),
        )
      ).body,
    ).toMatchObject({ created: 0, unchanged: 2 });
    await deliver(
      fx.secret,
      notification(
        [resolved(disk("5100000000000001", "2026-03-11T08:00:00.123456789Z"), "2026-03-11T08:25:00Z"), sibling],
        group,
      ),
    );
    expect(await pageOf("5100000000000001")).toMatchObject({
      resolvedAt: new Date("2026-03-11T08:25:00Z"),
      captureStatus: null,
      silenceId: diskSilence.id,
    });
  });

  test("not silenced: before the silence was set, after it ends, after it was lifted, by another team's silence, or another alert name", async () => {
    await silence("DiskWillFillIn4Hours", at("2026-03-18T09:00"), "2026-03-31", fx.otherTeam.id, fx.outsider.id);
    const lag = await silence("KafkaConsumerLag", at("2026-03-12T09:00"), "2026-03-30");
    await (await callerAt(database.db, fx.planner.id, at("2026-03-14T12:00"))).review.liftSilence({
      teamId: fx.team.id,
      silenceId: lag.id,
    });
    const kafka = (fingerprint: string, startsAt: string): TestAlert => ({
      ...disk(fingerprint, startsAt),
      alertname: "KafkaConsumerLag",
      summary: "billing-ledger lag 400k",
    });
    const cases: Array<[TestAlert, string | null]> = [
      [disk("5200000000000001", "2026-03-10T08:59:00Z"), null],
      [disk("5200000000000002", "2026-03-17T22:59:59Z"), "DiskWillFillIn4Hours"],
      [disk("5200000000000003", "2026-03-17T23:00:00Z"), null],
      [disk("5200000000000004", "2026-03-19T10:00:00Z"), null],
      [kafka("5200000000000005", "2026-03-13T10:00:00Z"), "KafkaConsumerLag"],
      [kafka("5200000000000006", "2026-03-14T11:30:00Z"), null],
      [{ ...PAYMENTS_5XX, fingerprint: "5200000000000007", startsAt: "2026-03-13T10:00:00Z" }, null],
    ];
    for (const [index, [alert, silencedBy]] of cases.entries()) {
      await deliver(fx.secret, notification([alert], `{}:{case="${index}"}`));
      const page = await pageOf(alert.fingerprint);
      expect(page.silenceId !== null, `${alert.fingerprint} at ${alert.startsAt}`).toBe(silencedBy !== null);
      expect(page.captureStatus).toBe(silencedBy ? null : "captured");
    }
  });

  test("the weekly review counts silenced pages like any other and shows them as silenced", async () => {
    const manager = await callerAt(database.db, fx.manager.id, NOW);
    const review = await manager.review.week({ teamId: fx.team.id, to: at("2026-03-13T00:00") });
    const head = await pageOf("5100000000000001");
    const incident = review.items.find((item) => item.id === head.id);
    expect(incident).toMatchObject({
      silenced: true,
      pages: [
        { alertName: "DiskWillFillIn4Hours", silenced: true },
        { alertName: "HighErrorRate", silenced: false },
      ],
    });
    expect(review.summary.pages).toBe(4);
    expect(review.summary.silencedPages).toBe(2);
    expect(review.noisiestAlerts.find((alert) => alert.alertName === "DiskWillFillIn4Hours")).toMatchObject({
      pages: 3,
      silencedPages: 2,
    });
  });
});
