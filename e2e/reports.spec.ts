import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, expectAccessible, screenshot, signIn } from "./support";

async function openQuarterReport(page: Page) {
  await page.getByRole("link", { name: "Team reports", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Team reports", exact: true })).toBeVisible();
  const picker = page.getByRole("form", { name: "Report period" });
  // A preset shows at once; the quarter is the default, so another period is chosen first.
  await picker.getByText("This month").click();
  await expect(page).toHaveURL(/period=month/);
  await picker.getByText("This quarter").click();
  await expect(page).toHaveURL(/period=quarter/);
  return page.getByRole("table", { name: "Each engineer" });
}

test("a manager sees every engineer against the cap, who is over, and drills into their entries", async ({ page }) => {
  await signIn(page, DEMO.manager);
  const table = await openQuarterReport(page);
  // The demo team's ten engineers each have a row (and a bar), never only the mean; other journeys may add members.
  await expect(table.getByRole("row").filter({ hasText: "Lukas Becker" })).toHaveCount(1);
  expect(await table.getByRole("row").count()).toBeGreaterThanOrEqual(11);
  await expect(page.getByRole("region", { name: "Spread of shares" })).toContainText("Median");
  await expectAccessible(page);
  await screenshot(page, "reports-toil-cap-manager");

  // Sorting by share puts the heaviest first; the demo's heavy logger is over the cap, whoever the table says it is.
  const shareHeader = table.getByRole("columnheader", { name: /Toil share/ });
  await expect(shareHeader).toHaveAttribute("aria-sort", "descending");
  const overRows = table.getByRole("row").filter({ has: page.getByText("over cap", { exact: true }) });
  await expect(overRows.first()).toBeVisible();
  const over = overRows.first();
  const name = ((await over.getByRole("rowheader").textContent()) ?? "").trim();
  await expect(over).toContainText(/\+\d+\.\d pts/);
  await expect(over).toContainText(/\(≥?\d+ wk\)/);

  await table
    .getByRole("columnheader", { name: /Engineer/ })
    .getByRole("button")
    .click();
  await expect(table.getByRole("columnheader", { name: /Engineer/ })).toHaveAttribute("aria-sort", "ascending");
  await expect(shareHeader).toHaveAttribute("aria-sort", "none");

  await table.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  const entries = page.getByRole("table", { name: /Toil entries/ });
  await expect(entries.getByRole("row").nth(1)).toBeVisible();
  await expect(page.getByRole("heading", { name: /Toil entries \(\d+\)/ })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "reports-drill-person");
});

test("a manager exports the toil-cap table as CSV with a header and a row per engineer", async ({ page }) => {
  await signIn(page, DEMO.manager);
  const table = await openQuarterReport(page);
  const rows = await table.getByRole("row").count();
  const downloading = page.waitForEvent("download");
  await page.getByRole("group", { name: "Export the toil-cap table" }).getByRole("button", { name: /CSV/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^toil-cap-.*-quarter\.csv$/);
  const file = await download.path();
  const lines = fs.readFileSync(file, "utf8").trim().split("\n");
  expect(lines[0]).toBe(
    "engineer,toil_share,duty_hours,logged_hours,after_hours_hours,operational_hours,worked_hours,on_call_share,provisional,over_toil_cap,over_by_share,over_since",
  );
  expect(lines).toHaveLength(rows);
  expect(lines.some((line) => /^Lukas Becker,0\.\d+,/.test(line))).toBe(true);

  const jsonDownload = page.waitForEvent("download");
  await page.getByRole("group", { name: "Export the toil-cap table" }).getByRole("button", { name: /JSON/ }).click();
  const json: unknown = JSON.parse(fs.readFileSync(await (await jsonDownload).path(), "utf8"));
  expect(Array.isArray(json) && json.length === rows - 1).toBe(true);
});

test("an engineer sees only their own row and the team totals, and cannot open another person's detail", async ({
  page,
}) => {
  await signIn(page, DEMO.manager);
  const managerTable = await openQuarterReport(page);
  const otherLink = managerTable.getByRole("link", { name: "Lukas Becker" });
  const otherHref = await otherLink.getAttribute("href");
  await page.context().clearCookies();

  await signIn(page, DEMO.engineer);
  const table = await openQuarterReport(page);
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table.getByRole("rowheader")).toHaveText("Erik Lindqvist");
  await expect(page.getByRole("note").filter({ hasText: "other engineers are hidden" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Team toil share" })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "reports-toil-cap-engineer");

  expect(otherHref).toBeTruthy();
  await page.goto(otherHref ?? "/reports/drill");
  await expect(
    page.getByRole("alert").filter({ hasText: "Only a manager of this team may see another person's detail." }),
  ).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
  await expectAccessible(page);
});

test("a manager ranks toil sources by cost, estimates automating one, sees payback, and removes it with undo", async ({
  page,
}) => {
  await signIn(page, DEMO.manager);
  await openQuarterReport(page);
  await page.getByRole("navigation", { name: "Team reports" }).getByRole("link", { name: "Toil sources" }).click();
  await expect(page).toHaveURL(/\/reports\/sources\?.*period=quarter/);
  const table = page.getByRole("table", { name: "Ranked by yearly cost" });
  await expect(table.getByRole("row").nth(1)).toBeVisible();
  // Ranked: the yearly cost never grows down the table.
  const costs = (await table.locator("tbody tr td:nth-child(6)").allInnerTexts()).map((text) =>
    Number.parseInt(text, 10),
  );
  expect(costs.length).toBeGreaterThan(1);
  expect([...costs].sort((a, b) => b - a)).toEqual(costs);
  await expectAccessible(page);
  await screenshot(page, "reports-sources-manager");

  // A source nobody estimated yet (another run may have left one estimated: tolerate it, pick a fresh one).
  const fresh = table
    .getByRole("row")
    .filter({ has: page.getByRole("button", { name: /^Estimate automation for / }) })
    .first();
  const label = ((await fresh.getByRole("rowheader").textContent()) ?? "").trim();
  const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: label, exact: true }) });
  await fresh.getByRole("button", { name: /^Estimate automation for / }).click();
  const form = page.getByRole("form", { name: `Automation estimate for ${label}` });
  await form.getByLabel("Build hours").fill("-3");
  await form.getByRole("button", { name: "Save estimate" }).click();
  await expect(form.getByText("Build time cannot be negative")).toBeVisible();
  await form.getByLabel("Build hours").fill("16");
  await form.getByLabel("Maintenance h/month").fill("0.5");
  await expectAccessible(page);
  await screenshot(page, "reports-sources-estimate-form");
  await form.getByRole("button", { name: "Save estimate" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Estimate for ${label} saved.` })).toBeVisible();
  await expect(row).toContainText(/Pays back in [\d.]+ months \(break-even \d+ \w+ \d{4}\)|Never pays back/);
  await expect(row).toContainText("Build 16 h, maintenance 0.5 h/month.");
  await screenshot(page, "reports-sources-payback");

  await row.getByRole("button", { name: `Remove estimate for ${label}` }).click();
  const status = page.getByRole("status").filter({ hasText: `Estimate for ${label} removed.` });
  await expect(status).toBeVisible();
  await expect(row).not.toContainText("Build 16 h");
  await status.getByRole("button", { name: "Undo" }).click();
  await expect(row).toContainText("Build 16 h, maintenance 0.5 h/month.");
  // Clean up, so the next run finds the source fresh again.
  await row.getByRole("button", { name: `Remove estimate for ${label}` }).click();
  await expect(row).not.toContainText("Build 16 h");

  await table.getByRole("link", { name: label, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(label);
  await expect(page.getByRole("heading", { name: /Toil entries \(\d+\)/ })).toBeVisible();
  await expectAccessible(page);
});

test("trend and interrupt load render for the manager, with the cap and the incident limit", async ({ page }) => {
  await signIn(page, DEMO.manager);
  await openQuarterReport(page);
  const tabs = page.getByRole("navigation", { name: "Team reports" });
  await tabs.getByRole("link", { name: "Trend" }).click();
  await expect(page.getByRole("table", { name: "Weekly shares" }).getByRole("row")).toHaveCount(27);
  await expectAccessible(page);
  await screenshot(page, "reports-trend");
  await tabs.getByRole("link", { name: "Interrupt load" }).click();
  await expect(page.getByRole("region", { name: "Shifts over the incident limit" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Weeks" }).getByRole("row").nth(1)).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "reports-interrupts");
});

test("the report period changes without a reload, and a wrong custom range is a message at its fields", async ({
  page,
}) => {
  await signIn(page, DEMO.manager);
  await page.goto("/reports");
  const picker = page.getByRole("form", { name: "Report period" });
  const table = page.getByRole("table", { name: "Each engineer" });
  await expect(table).toBeVisible();
  // A mark on the window survives client navigation and dies with a reload.
  await page.evaluate(() => Object.assign(window, { periodMark: true }));
  await expect(picker.getByLabel("First day")).toHaveCount(0);

  await picker.getByText("This month").click();
  await expect(page).toHaveURL(/period=month/);
  await expect(page.locator(".report-span")).toBeVisible();
  await picker.getByText("Custom range").click();
  await picker.getByLabel("First day").fill("2026-03-10");
  await picker.getByLabel("Last day").fill("2026-03-01");
  await picker.getByRole("button", { name: "Show report" }).click();
  await expect(picker.getByLabel("Last day")).toHaveAttribute("aria-invalid", "true");
  await expect(picker.getByText("The last day must be on or after the first day")).toBeVisible();
  await expect(page).toHaveURL(/period=month/);
  await expect(table).toBeVisible();

  await picker.getByLabel("Last day").fill("2026-03-31");
  await picker.getByRole("button", { name: "Show report" }).click();
  await expect(page).toHaveURL(/period=custom&from=2026-03-10&to=2026-03-31/);
  await expect(page.locator(".report-span")).toContainText("10–31 Mar 2026");
  expect(await page.evaluate(() => "periodMark" in window)).toBe(true);
  await expectAccessible(page);

  // A link whose range cannot be shown opens on the default period, with the range and its message at the fields.
  await page.goto("/reports?period=custom&from=2026-05-10&to=2026-05-01");
  await expect(picker.getByRole("radio", { name: "Custom range" })).toBeChecked();
  await expect(picker.getByLabel("First day")).toHaveValue("2026-05-10");
  await expect(picker.getByLabel("Last day")).toHaveAttribute("aria-invalid", "true");
  await expect(picker.getByText("The last day must be on or after the first day")).toBeVisible();
  await expect(picker.getByRole("status")).toHaveText("The report below is for: This quarter.");
  await expect(table).toBeVisible();
  await expect(page.locator(".alert.error")).toHaveCount(0);
  await expectAccessible(page);
});
