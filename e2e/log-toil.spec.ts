import { expect, test } from "@playwright/test";
import { DateTime } from "luxon";
import {
  DEMO,
  DEMO_ZONE,
  expectAccessible,
  openQuickLog,
  screenshot,
  signIn,
  uniqueName,
  weekToilShare,
} from "./support";

/**
 * An "Ended at" that keeps the entry outside Erik's 09:00-17:00 weekdays: after-hours toil always adds to
 * operational and worked time (docs/accounting.md rule 4), whereas toil inside duty time would leave the share as it
 * is. Null keeps the default, "ending now", when now already is after hours.
 */
function afterHoursEnd(minutes: number): string | null {
  const now = DateTime.now().setZone(DEMO_ZONE);
  const start = now.minus({ minutes });
  const workday = now.weekday <= 5;
  const overlapsWorkday = workday && now > now.set({ hour: 9, minute: 0 }) && start < now.set({ hour: 17, minute: 0 });
  if (!overlapsWorkday) return null;
  // Early morning, a few minutes apart from one run to the next so entries of reruns do not coincide.
  return now
    .set({ hour: 7, minute: Math.floor(Math.random() * 59), second: 0, millisecond: 0 })
    .toFormat("yyyy-LL-dd'T'HH:mm");
}

test("quick log by keyboard: n, type, Enter; the entry shows at once, survives a reload, and the week's share moves @postgres", async ({
  page,
}) => {
  await signIn(page, DEMO.engineer);
  const share = weekToilShare(page);
  await expect(share).toHaveText(/%$|counted$/);
  const before = await share.innerText();
  // In a week Erik spends wholly on pager duty (the demo rotations follow today's date) his share is already
  // 100%: toil logged inside duty time cannot move it (docs/accounting.md), so only then is "unchanged" right.
  const canMove = before !== "100.0%";
  const summary = uniqueName("Rotated TLS certificates");

  const dialog = await openQuickLog(page);
  await expectAccessible(page);
  await page.keyboard.type(summary);
  await dialog.getByLabel("Duration").fill("1h30");
  const ended = afterHoursEnd(90);
  if (ended) await dialog.getByLabel("Ended at").fill(ended);
  await dialog.getByLabel("Manual", { exact: false }).first().check();
  await screenshot(page, "quick-log-dialog");
  await dialog.getByLabel("What did you do?").press("Enter");

  await expect(dialog).toBeHidden();
  const row = page.getByRole("row", { name: new RegExp(summary) });
  await expect(row).toBeVisible();
  await expect(row).toContainText("1 h 30 min");
  if (canMove) await expect(share).not.toHaveText(before);
  await expect(page.getByTestId("toast")).toContainText(`Logged 1 h 30 min: ${summary}`);
  // Focus went back to the page, not lost inside the closed dialog.
  await expect(page.getByRole("dialog")).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole("row", { name: new RegExp(summary) })).toBeVisible();
  if (canMove) await expect(weekToilShare(page)).not.toHaveText(before);
  else await expect(weekToilShare(page)).toHaveText(before);
});

test("a bad duration is named at the field and nothing is saved @postgres", async ({ page }) => {
  await signIn(page, DEMO.engineer);
  const summary = uniqueName("Cleared the stuck queue");
  const dialog = await openQuickLog(page);
  await page.keyboard.type(summary);
  const duration = dialog.getByLabel("Duration");
  await duration.fill("abc");
  await duration.press("Enter");

  await expect(dialog).toBeVisible();
  await expect(duration).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.locator("#quick-log-duration-error")).toContainText('Could not read "abc" as a duration');
  // What was typed is still there to correct.
  await expect(dialog.getByLabel("What did you do?")).toHaveValue(summary);
  await expect(duration).toBeFocused();
  await screenshot(page, "quick-log-bad-duration");

  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await page.reload();
  await expect(page.getByRole("heading", { name: /^Hello, / })).toBeVisible();
  await expect(page.getByText(summary)).toHaveCount(0);
  await page.goto("/week");
  await expect(page.getByRole("heading", { name: "My week" })).toBeVisible();
  await expect(page.getByText(summary)).toHaveCount(0);
});

test("an entry ending tomorrow is refused at its Ended at field, and nothing is saved @postgres", async ({ page }) => {
  await signIn(page, DEMO.engineer);
  const summary = uniqueName("Planned failover drill");
  const dialog = await openQuickLog(page);
  await page.keyboard.type(summary);
  await dialog.getByLabel("Duration").fill("30m");
  const tomorrow = DateTime.now().setZone(DEMO_ZONE).plus({ days: 1 }).set({ hour: 10, minute: 0 });
  const ended = dialog.getByLabel("Ended at");
  await ended.fill(tomorrow.toFormat("yyyy-LL-dd'T'HH:mm"));
  await dialog.getByLabel("What did you do?").press("Enter");

  await expect(dialog).toBeVisible();
  await expect(ended).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.locator("#quick-log-endsAt-error")).toContainText("Work cannot end in the future");
  await expect(ended).toBeFocused();
  await expectAccessible(page);
  await screenshot(page, "quick-log-future-end");
  await page.keyboard.press("Escape");
  await page.goto(`/week?at=${tomorrow.toISODate()}`);
  await expect(page.getByRole("heading", { name: "My week" })).toBeVisible();
  await expect(page.getByText(summary)).toHaveCount(0);
});

test("the Log toil button opens quick log, Escape closes it and focus returns to the button @postgres", async ({
  page,
}) => {
  await signIn(page, DEMO.engineer);
  const button = page.getByRole("banner").getByRole("button", { name: "Log toil" });
  await button.click();
  const dialog = page.getByRole("dialog", { name: "Log toil" });
  await expect(dialog.getByLabel("What did you do?")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
  // Typing "n" into a field types an n; it does not open quick log.
  await page.goto("/profile");
  const note = page.getByLabel("Note");
  await note.press("n");
  await expect(note).toHaveValue("n");
  await expect(page.getByRole("dialog")).toHaveCount(0);
});

test("save an entry as a template, then log from it in one click @postgres", async ({ page }) => {
  await signIn(page, DEMO.engineer);
  const summary = uniqueName("Restarted batch job");
  const dialog = await openQuickLog(page);
  await page.keyboard.type(summary);
  await dialog.getByLabel("Duration").fill("20m");
  await dialog.getByLabel("Duration").press("Enter");
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("toast")).toContainText(`Logged 20 min: ${summary}`);

  const started = DateTime.now().setZone(DEMO_ZONE).minus({ minutes: 20 }).toISODate();
  await page.goto(`/week?at=${started}`);
  const row = page.getByRole("row", { name: new RegExp(summary) });
  await row.getByRole("button", { name: /Save as template/ }).click();
  const templateName = uniqueName("Restart stuck batch job");
  const save = page.getByRole("dialog", { name: "Save as template" });
  await expect(save.getByLabel("Template name")).toHaveValue(summary);
  await save.getByLabel("Template name").fill(templateName);
  await save.getByRole("button", { name: "Save template" }).click();
  await expect(page.getByTestId("toast")).toContainText(`Template saved: ${templateName}`);

  await page.goto("/");
  await page.getByRole("button", { name: new RegExp(templateName) }).click();
  await expect(page.getByTestId("toast")).toContainText(`Logged 20 min: ${templateName}`);
  await expect(page.getByRole("row", { name: new RegExp(templateName) })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("row", { name: new RegExp(templateName) })).toBeVisible();

  // The template also fills in quick log, and "Log it now" logs it from there.
  const again = await openQuickLog(page);
  await again.getByLabel("Template").selectOption({ label: templateName });
  await expect(again.getByLabel("What did you do?")).toHaveValue(templateName);
  await expect(again.getByLabel("Duration")).toHaveValue("20m");
  await again.getByRole("button", { name: "Log it now" }).click();
  await expect(again).toBeHidden();
  await expect(page.getByRole("row", { name: new RegExp(templateName) })).toHaveCount(2);
});

test("My work is accessible and reads well @postgres", async ({ page }) => {
  await signIn(page, DEMO.engineer);
  await expect(page.getByRole("region", { name: "Quick actions" })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "my-work");
});
