import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { trpcMutation, trpcQuery } from "./rotation-support";
import { DEMO, expectAccessible, expectThumbTarget, PHONE, screenshot, signIn, uniqueName } from "./support";

interface OnCall {
  rotationId: string;
  name: string;
  role: string;
  onCall: { personId: string; name: string } | null;
}

/** Alertmanager's webhook body (version 4) for one firing alert. */
function firing(alertName: string, summary: string, startsAt: Date) {
  const fingerprint = randomBytes(8).toString("hex");
  return {
    version: "4",
    groupKey: `{}:{alertname="${alertName}"}`,
    truncatedAlerts: 0,
    status: "firing",
    receiver: "toilcap",
    groupLabels: { alertname: alertName },
    commonLabels: { alertname: alertName, severity: "critical" },
    commonAnnotations: { summary },
    externalURL: "http://alertmanager.example:9093",
    alerts: [
      {
        status: "firing",
        labels: { alertname: alertName, severity: "critical", service: "checkout" },
        annotations: { summary },
        startsAt: startsAt.toISOString(),
        endsAt: "0001-01-01T00:00:00Z",
        generatorURL: "http://prometheus.example:9090/graph",
        fingerprint,
      },
    ],
  };
}

test("a page from Alertmanager lands in the on-call engineer's inbox and is confirmed with one click @postgres", async ({
  page,
  browser,
}) => {
  test.slow();
  // A planner connects Alertmanager to the pager rotation; whoever holds it now gets the page.
  await signIn(page, DEMO.planner);
  const [team] = await trpcQuery<Array<{ id: string }>>(page, "teams.list");
  if (!team) throw new Error("the planner has no team");
  const rotations = await trpcQuery<OnCall[]>(page, "rotations.onCallNow", { teamId: team.id });
  const pager = rotations.find((r) => r.role === "primary" && r.onCall);
  if (!pager?.onCall) throw new Error("nobody holds a primary pager rotation now");
  const members = await trpcQuery<Array<{ personId: string; email: string }>>(page, "teams.members", {
    teamId: team.id,
  });
  const email = members.find((m) => m.personId === pager.onCall?.personId)?.email;
  if (!email) throw new Error("the on-call engineer is not a member");
  const created = await trpcMutation<{ integration: { id: string }; path: string }>(page, "integrations.create", {
    teamId: team.id,
    name: uniqueName("Alertmanager"),
    rotationId: pager.rotationId,
  });

  const alertName = `CheckoutLatency${randomBytes(3).toString("hex")}`;
  const summary = `Checkout p99 above 2 s (${alertName})`;
  const body = firing(alertName, summary, new Date(Date.now() - 20 * 60_000));
  const first = await page.request.post(created.path, { data: body });
  expect(first.status()).toBe(200);
  // Alertmanager retries: the same notification again stores nothing new.
  expect((await page.request.post(created.path, { data: body })).status()).toBe(200);
  expect(
    (
      await page.request.post("/api/integrations/alertmanager/not-a-real-secret-xxxxxxxxxxxxxxxxxxxxxxxxxxxxx", {
        data: body,
      })
    ).status(),
  ).toBe(404);

  // Paged at night, the engineer answers on a phone.
  const context = await browser.newContext({ viewport: PHONE });
  const onCall = await context.newPage();
  await signIn(onCall, email);
  const inbox = onCall.getByRole("region", { name: /Captured pages/ });
  const item = inbox.getByRole("form", { name: alertName });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText(summary);
  const card = inbox.getByRole("listitem").filter({ has: onCall.getByRole("form", { name: alertName }) });
  await expectThumbTarget(item.getByRole("button", { name: `Confirm ${alertName}` }), card);
  await expectThumbTarget(item.getByRole("button", { name: `Dismiss ${alertName}` }), card);
  await expectAccessible(onCall);
  await screenshot(onCall, "capture-inbox");
  await item.getByLabel("Time spent (minutes)").fill("25");
  // The item leaves the list at once (optimistic); wait for the server's answer before reloading.
  const [confirmed] = await Promise.all([
    onCall.waitForResponse((response) => response.url().includes("/api/trpc/capture.confirm")),
    item.getByRole("button", { name: `Confirm ${alertName}` }).click(),
  ]);
  expect(confirmed.status(), await confirmed.text()).toBe(200);
  await expect(item).toHaveCount(0);
  await onCall.reload();
  await expect(onCall.getByRole("form", { name: alertName })).toHaveCount(0);
  await expect(onCall.getByRole("row", { name: new RegExp(alertName) }).first()).toContainText("25 min");
  await context.close();

  await trpcMutation(page, "integrations.revoke", { teamId: team.id, integrationId: created.integration.id });
});
