import { expect, test } from "@playwright/test";
import { DEMO, expectAccessible, screenshot, signIn } from "./support";

test("an admin opens the organisation summary from Team reports and reaches a team's report from it", async ({
  page,
}) => {
  await signIn(page, DEMO.admin);
  await page.getByRole("link", { name: "Team reports", exact: true }).click();
  await page.getByRole("link", { name: "Organisation summary" }).click();
  await expect(page.getByRole("heading", { name: "Organisation summary", level: 1 })).toBeVisible();

  const table = page.getByRole("table", { name: "Each team" });
  // A row per team, each giving both shares against their caps: the demo's two, and any team another journey made.
  await expect(table.getByRole("row").filter({ hasText: "Data Platform" })).toHaveCount(1);
  const platform = table.getByRole("row").filter({ hasText: "Platform SRE" });
  await expect(platform).toContainText(/\d+\.\d%/);
  await expect(platform.getByText(/^(over|under) 50%$/)).toBeVisible();
  await expect(page.getByRole("region", { name: "Organisation toil share" })).toContainText("%");

  const picker = page.getByRole("form", { name: "Report period" });
  await picker.getByText("This month").click();
  await expect(page).toHaveURL(/reports\/org\?period=month/);
  await expect(table.getByRole("row").filter({ hasText: "Platform SRE" })).toHaveCount(1);
  await expectAccessible(page);
  await screenshot(page, "reports-org-summary-admin");

  await table.getByRole("link", { name: "Platform SRE" }).click();
  await expect(page).toHaveURL(/\/reports\?team=.*period=month/);
  await expect(page.getByRole("table", { name: "Each engineer" })).toBeVisible();
});

test("a manager is told the organisation summary is for administrators, and Team reports offers no link to it", async ({
  page,
}) => {
  await signIn(page, DEMO.manager);
  await page.getByRole("link", { name: "Team reports", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Team reports", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Organisation summary" })).toHaveCount(0);
  await page.goto("/reports/org");
  await expect(page.getByText("For administrators")).toBeVisible();
  await expect(page.getByRole("table", { name: "Each team" })).toHaveCount(0);
  await expectAccessible(page);
});
