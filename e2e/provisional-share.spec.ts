import { expect, test } from "@playwright/test";
import { CLOCK_SERVER, DEMO, expectAccessible, openQuickLog, signIn, uniqueName, weekToilShare } from "./support";

/**
 * On the clock server it is Monday 30 March 2026, 08:40 in Berlin (see CLOCK_START): nothing of the week's
 * 09:00-17:00 schedule is behind anyone yet, so any share of this week is provisional.
 */
test.use({ baseURL: CLOCK_SERVER });

test("25 minutes logged before the workday on a Monday: too early to tell, not 100% over the cap", async ({ page }) => {
  await signIn(page, DEMO.engineer);
  const summary = uniqueName("Restarted the stuck exporter");
  const dialog = await openQuickLog(page);
  await page.keyboard.type(summary);
  await dialog.getByLabel("Duration").fill("25m");
  await dialog.getByLabel("Ended at").fill("2026-03-30T08:35");
  await dialog.getByLabel("What did you do?").press("Enter");
  await expect(dialog).toBeHidden();
  const row = page.getByRole("row", { name: new RegExp(summary) });
  await expect(row).toBeVisible();
  // Saved, not only shown: the share below counts what the server has.
  await expect(row).not.toHaveAttribute("aria-busy", "true");

  const card = page.getByRole("region", { name: "Toil share this week" });
  await expect(weekToilShare(page)).toHaveText(/^too early to tell: \d+(\.\d)? h counted$/);
  await expect(card).not.toContainText("100.0%");
  await expect(card).not.toContainText("over the cap");
  await expectAccessible(page);

  // The share page says whose calendar its periods follow.
  await page.goto("/share");
  const week = page.getByRole("region", { name: "This week" });
  await expect(week).toContainText("too early to tell");
  await expect(week).toContainText("Europe/Berlin");
  await expect(week).not.toContainText("over cap");
});

test("the team report on a Monday morning does not say the team is at 100%", async ({ page }) => {
  await signIn(page, DEMO.manager);
  await page.goto("/reports?period=week");
  const team = page.getByRole("region", { name: "Team toil share" });
  await expect(team).toContainText("too early to tell");
  await expect(team).not.toContainText("100.0%");
  await expect(team).not.toContainText("over the");
  await expect(page.getByRole("region", { name: "Over the caps" })).toContainText(/^Over the caps\s*0/);
});
