import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { DateTime } from "luxon";
import { trpcMutation, trpcQuery } from "./rotation-support";
import { DEMO, DEMO_ZONE, expectAccessible, screenshot, signIn, uniqueName } from "./support";

interface OnCall {
  rotationId: string;
  role: string;
  onCall: { personId: string } | null;
}

/** Alertmanager's webhook body (version 4): several alerts of one group, firing. */
function firing(alertName: string, summary: string, count: number, startsAt: Date) {
  return {
    version: "4",
    groupKey: `{}:{alertname="${alertName}"}`,
    truncatedAlerts: 0,
    status: "firing",
    receiver: "toilcap",
    groupLabels: { alertname: alertName },
    commonLabels: { alertname: alertName, severity: "warning" },
    commonAnnotations: {},
    externalURL: "http://alertmanager.example:9093",
    alerts: Array.from({ length: count }, (_, index) => ({
      status: "firing",
      labels: {
        alertname: alertName,
        severity: "warning",
        service: "k8s-platform",
        instance: `ip-10-4-7-${20 + index}`,
      },
      annotations: { summary: index === 0 ? summary : `${summary} (node ${index + 1})` },
      startsAt: new Date(startsAt.getTime() + index * 60_000).toISOString(),
      endsAt: "0001-01-01T00:00:00Z",
      generatorURL: "http://prometheus.example:9090/graph",
      fingerprint: randomBytes(8).toString("hex"),
    })),
  };
}

/** The number a summary card shows first ("3 of 12" reads 3). */
async function statNumber(page: Page, card: string): Promise<number> {
  const text = await page.getByRole("region", { name: card }).locator(".stat-value").innerText();
  return Number.parseInt(text, 10);
}

test("a manager reviews the week: marks a page actionable with a cause and fix, silences the noisiest alert, and lifts it with undo", async ({
  page,
}) => {
  test.slow();
  await signIn(page, DEMO.manager);
  // Seed this journey's own pages: an incident of four pages on the pager rotation, an hour ago.
  const [team] = await trpcQuery<Array<{ id: string }>>(page, "teams.list");
  if (!team) throw new Error("the manager has no team");
  const pager = (await trpcQuery<OnCall[]>(page, "rotations.onCallNow", { teamId: team.id })).find(
    (r) => r.role === "primary",
  );
  if (!pager) throw new Error("the demo has no primary rotation");
  const created = await trpcMutation<{ integration: { id: string }; path: string }>(page, "integrations.create", {
    teamId: team.id,
    name: uniqueName("Review journey"),
    rotationId: pager.rotationId,
  });
  const alertName = `NodeDiskPressure${randomBytes(3).toString("hex")}`;
  const summary = `Disk pressure on ip-10-4-7-20 (${alertName})`;
  const delivered = await page.request.post(created.path, {
    data: firing(alertName, summary, 4, new Date(Date.now() - 60 * 60_000)),
  });
  expect(delivered.status()).toBe(200);

  await page.getByRole("link", { name: "Team reports", exact: true }).click();
  await page.getByRole("navigation", { name: "Team reports" }).getByRole("link", { name: "Weekly review" }).click();
  await expect(page).toHaveURL(/\/reports\/review/);
  await expect(page.getByText("the last 7 days")).toBeVisible();
  const items = page.getByRole("table", { name: "Pages and tickets" });
  const row = items.getByRole("row").filter({ hasText: summary });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("not reviewed");
  await expect(row).toContainText("4 pages in this incident");
  const reviewedBefore = await statNumber(page, "Reviewed");
  await expectAccessible(page);
  await screenshot(page, "weekly-review");

  // Review it by keyboard: the dialog opens on the verdict, Tab walks the fields, Enter saves.
  await row.getByRole("button", { name: /^Review of/ }).focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Review incident" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Save review" }).click();
  await expect(dialog.getByText("Say whether it was actionable")).toBeVisible();
  await dialog.getByText("Actionable", { exact: true }).click();
  await dialog.getByRole("combobox", { name: /^Cause/ }).selectOption({ label: "Config change" });
  await dialog.getByLabel("Root-cause fix").fill("not a link");
  await dialog.getByRole("button", { name: "Save review" }).click();
  await expect(dialog.getByText("Enter a link starting with http:// or https://")).toBeVisible();
  const fix = `https://git.example.test/platform/pull/${Date.now() % 100000}`;
  await dialog.getByLabel("Root-cause fix").fill(fix);
  await expectAccessible(page);
  await screenshot(page, "weekly-review-dialog");
  await dialog.getByLabel("Root-cause fix").press("Enter");
  await expect(dialog).toBeHidden();
  await expect(row).toContainText("actionable");
  await expect(row).toContainText("Config change");
  await expect(row.getByRole("link", { name: /^fix/ })).toHaveAttribute("href", fix);
  // At least ours: journeys running beside this one may log reviewed interrupts in the same team and week.
  await expect.poll(() => statNumber(page, "Reviewed")).toBeGreaterThanOrEqual(reviewedBefore + 1);

  // Silence the noisiest alert until a day ten days from now.
  const noisiest = page.getByRole("table", { name: "Noisiest alerts" });
  const top = noisiest.getByRole("row").nth(1);
  const topName = ((await top.getByRole("rowheader").textContent()) ?? "").trim();
  const lingering = top.getByRole("button", { name: /^Lift/ });
  // A silence an interrupted earlier run left behind: lift it first.
  if (await lingering.isVisible()) {
    await lingering.click();
    await expect(top.getByRole("button", { name: /^Silence/ })).toBeVisible();
  }
  const silencesBefore = await statNumber(page, "Active silences");
  await top.getByRole("button", { name: `Silence… ${topName}` }).click();
  const silence = page.getByRole("dialog", { name: `Silence ${topName}` });
  const lastDay = DateTime.now().setZone(DEMO_ZONE).plus({ days: 10 });
  await silence.getByLabel("Silence until (last day)").fill(lastDay.toISODate() ?? "");
  await silence.getByLabel("Reason").fill("Root-cause fix scheduled for next sprint");
  await expectAccessible(page);
  await silence.getByRole("button", { name: "Silence alert" }).click();
  await expect(silence).toBeHidden();
  const until = `until ${lastDay.toFormat("ccc d LLL")}`;
  await expect(top).toContainText(until);
  await expect(page.getByRole("region", { name: "Active silences" }).locator(".stat-value")).toHaveText(
    String(silencesBefore + 1),
  );
  await expect(page.getByRole("region", { name: "Silences in force" })).toContainText(topName);
  await screenshot(page, "weekly-review-silenced");

  // Kept across a reload.
  await page.reload();
  await expect(row).toContainText("Config change");
  await expect(noisiest.getByRole("row").filter({ hasText: topName })).toContainText(until);
  // At least ours: journeys running beside this one may log reviewed interrupts in the same team and week.
  await expect.poll(() => statNumber(page, "Reviewed")).toBeGreaterThanOrEqual(reviewedBefore + 1);

  // Lift it, undo, and lift it again to leave the demo as it was.
  const inForce = page.getByRole("region", { name: "Silences in force" });
  await inForce.getByRole("button", { name: `Lift silence of ${topName}` }).click();
  const toast = page.getByTestId("toast");
  await expect(toast).toContainText(`Silence of ${topName} lifted`);
  await expect(
    noisiest
      .getByRole("row")
      .filter({ hasText: topName })
      .getByRole("button", { name: `Silence… ${topName}` }),
  ).toBeVisible();
  await toast.getByRole("button", { name: "Undo" }).click();
  await expect(toast).toContainText(`${topName} is silenced again.`);
  await expect(noisiest.getByRole("row").filter({ hasText: topName })).toContainText(until);
  await inForce.getByRole("button", { name: `Lift silence of ${topName}` }).click();
  await expect(inForce).not.toContainText(topName);

  // Leave the on-call engineer's inbox as it was: a manager may dismiss the seeded incident.
  const week = await trpcQuery<{ items: Array<{ id: string; summary: string }> }>(page, "review.week", {
    teamId: team.id,
  });
  const seeded = week.items.find((item) => item.summary === summary);
  if (seeded) await trpcMutation(page, "capture.dismiss", { interruptId: seeded.id });
  await trpcMutation(page, "integrations.revoke", { teamId: team.id, integrationId: created.integration.id });
});
