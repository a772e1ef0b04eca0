import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { DEMO, expectAccessible, screenshot, signIn } from "./support";

test("a manager reads each person's on-call hours by band and downloads them for payroll", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, DEMO.manager);
  await page.getByRole("link", { name: "Team reports", exact: true }).click();
  await page.getByRole("navigation", { name: "Team reports" }).getByRole("link", { name: "On-call hours" }).click();
  await expect(page).toHaveURL(/\/reports\/on-call-hours/);
  const picker = page.getByRole("form", { name: "Report period" });
  // A preset shows at once, without a "Show report" press.
  await picker.getByText("This quarter").click();
  await expect(page).toHaveURL(/period=quarter/);

  const table = page.getByRole("table", { name: "Hours on duty" });
  for (const band of ["Business hours", "Weekday evening", "Night (22–07)", "Weekend", "Public holiday"]) {
    await expect(table.getByRole("columnheader", { name: band })).toBeVisible();
  }
  // The demo's rotations give someone on the team hours on duty this quarter.
  const onDuty = table.getByRole("row").filter({ hasText: /[1-9][\d,]*\.\d h/ });
  await expect(onDuty.first()).toBeVisible();
  await expect(page.getByRole("table", { name: "Pages by band" })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "reports-on-call-hours-1440");

  const downloading = page.waitForEvent("download");
  await page.getByRole("group", { name: "Export the on-call hours" }).getByRole("button", { name: /CSV/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^on-call-hours-\d{4}-\d{2}-\d{2}-quarter\.csv$/);
  const lines = fs
    .readFileSync(await download.path(), "utf8")
    .trim()
    .split("\n");
  expect(lines[0]).toBe(
    "person,time_zone,duty_hours,primary_hours,secondary_hours,ticket_hours,business_hours,evening_hours,night_hours,weekend_hours,holiday_hours,business_pages,evening_pages,night_pages,weekend_pages,holiday_pages,short_rests",
  );
  expect(lines).toHaveLength(await table.getByRole("row").count());

  await page.setViewportSize({ width: 390, height: 844 });
  const region = page.getByRole("group", { name: "Hours on duty, scrolls sideways on narrow screens" });
  await region.focus();
  await expect(region).toBeFocused();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await expectAccessible(page);
  await screenshot(page, "reports-on-call-hours-390");
});
