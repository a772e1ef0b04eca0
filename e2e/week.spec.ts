import { expect, test } from "@playwright/test";
import { DateTime } from "luxon";
import { DEMO, DEMO_ZONE, expectAccessible, openQuickLog, screenshot, signIn, uniqueName } from "./support";

/** The week page that holds an entry that started `minutesAgo` (a journey run just after midnight on Monday stays right). */
function weekOf(minutesAgo: number): string {
  return `/week?at=${DateTime.now().setZone(DEMO_ZONE).minus({ minutes: minutesAgo }).toISODate()}`;
}

test("delete an entry and undo: it is gone at once, comes back, and stays after a reload", async ({ page }) => {
  await signIn(page, DEMO.engineer);
  await page.goto(weekOf(35));
  await expect(page.getByRole("heading", { name: "My week" })).toBeVisible();
  const summary = uniqueName("Manually failed over replica");
  const dialog = await openQuickLog(page);
  await page.keyboard.type(summary);
  await dialog.getByLabel("Duration").fill("35m");
  await dialog.getByLabel("Duration").press("Enter");

  const row = page.getByRole("row", { name: new RegExp(summary) });
  await expect(row).toBeVisible();
  await expect(row).not.toHaveAttribute("aria-busy", "true");
  await row.getByRole("button", { name: /^Delete/ }).click();
  await expect(row).toHaveCount(0);
  const toast = page.getByTestId("toast");
  await expect(toast).toContainText("Entry deleted.");
  await toast.getByRole("button", { name: "Undo" }).click();
  await expect(row).toBeVisible();
  await expect(toast).toContainText("Entry restored.");
  await page.reload();
  await expect(page.getByRole("row", { name: new RegExp(summary) })).toBeVisible();

  // Deleted and not undone: gone after a reload too.
  await page
    .getByRole("row", { name: new RegExp(summary) })
    .getByRole("button", { name: /^Delete/ })
    .click();
  await expect(page.getByTestId("toast")).toContainText("Entry deleted.");
  await page.reload();
  await expect(page.getByRole("heading", { name: "My week" })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(summary) })).toHaveCount(0);
});

test("edit an entry in the quick-log form", async ({ page }) => {
  await signIn(page, DEMO.engineer);
  await page.goto(weekOf(15));
  const summary = uniqueName("Rebuilt search index");
  const dialog = await openQuickLog(page);
  await page.keyboard.type(summary);
  await dialog.getByLabel("Duration").fill("15m");
  await dialog.getByLabel("Duration").press("Enter");
  const row = page.getByRole("row", { name: new RegExp(summary) });
  await expect(row).not.toHaveAttribute("aria-busy", "true");

  await row.getByRole("button", { name: /^Edit/ }).click();
  const edit = page.getByRole("dialog", { name: "Edit entry" });
  await expect(edit.getByLabel("What did you do?")).toHaveValue(summary);
  await expect(edit.getByLabel("Duration")).toHaveValue("15m");
  await edit.getByLabel("Duration").fill("1.5");
  await edit.getByLabel("Duration").press("Enter");
  // "1.5" alone is ambiguous: the form says so instead of guessing.
  await expect(edit.locator("#quick-log-duration-error")).toContainText("Add a unit");
  await edit.getByLabel("Duration").fill("45m");
  await edit.getByLabel("Duration").press("Enter");
  await expect(edit).toBeHidden();
  await expect(row).toContainText("45 min");
  await page.reload();
  await expect(page.getByRole("row", { name: new RegExp(summary) })).toContainText("45 min");
});

test("log an interrupt with the time spent, then log more time on it", async ({ page }) => {
  await signIn(page, DEMO.engineer);
  await page.goto("/week");
  const summary = uniqueName("Disk almost full on db-3");
  await page.getByRole("button", { name: "Log interrupt" }).click();
  const dialog = page.getByRole("dialog", { name: "Log an interrupt" });
  await expect(dialog.getByLabel("What happened?")).toBeFocused();
  await dialog.getByLabel("What happened?").fill(summary);
  await dialog.getByLabel("Kind").selectOption("ticket");
  await dialog.getByLabel("Severity").selectOption("high");
  await dialog.getByLabel("Actionable?").selectOption("yes");
  await dialog.getByLabel("Time spent").fill("soon");
  await dialog.getByRole("button", { name: "Save interrupt" }).click();
  await expect(dialog.locator("#interrupt-time-error")).toContainText("Could not read");
  await dialog.getByLabel("Time spent").fill("25m");
  await expectAccessible(page);
  await screenshot(page, "interrupt-dialog");
  await dialog.getByRole("button", { name: "Save interrupt" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("toast")).toContainText(`Interrupt logged: ${summary}, with 25 min`);

  const item = page.getByRole("listitem").filter({ hasText: summary });
  await expect(item).toBeVisible();
  await expect(item).toContainText("ticket");
  await item.getByRole("button", { name: /^Log time/ }).click();
  await item.getByLabel("Time spent on it").fill("10m");
  await item.getByLabel("Time spent on it").press("Enter");
  await expect(page.getByTestId("toast")).toContainText(`Logged 10 min on ${summary}`);
});

test("My week moves between weeks and is accessible", async ({ page }) => {
  await signIn(page, DEMO.engineer);
  await page.getByRole("link", { name: "My week", exact: true }).click();
  await expect(page.getByRole("heading", { name: "My week" })).toBeVisible();
  await expect(page.getByRole("link", { name: "My week", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { level: 2, name: /^Monday / })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /^Sunday / })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "my-week");

  await page.getByRole("link", { name: "← Previous week" }).click();
  await expect(page).toHaveURL(/\/week\?at=\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByRole("link", { name: "This week" })).toBeVisible();
  await screenshot(page, "my-week-previous");
  await page.getByRole("link", { name: "Next week →" }).click();
  await expect(page.getByText(/^This week, /)).toBeVisible();
});

test("My share shows week, month, quarter, the trend and a chosen range", async ({ page }) => {
  await signIn(page, DEMO.engineer);
  await page.getByRole("link", { name: "My share", exact: true }).click();
  await expect(page.getByRole("heading", { name: "My share" })).toBeVisible();
  for (const period of ["This week", "This month", "This quarter"]) {
    const card = page.getByRole("region", { name: period });
    // Early in a week (or a month) the share is provisional: "too early to tell: 0.4 h counted", never red.
    await expect(
      card.getByRole("figure", { name: /^Toil share: (\d+\.\d%|too early to tell: [\d.]+ h counted), cap 50%/ }),
    ).toBeVisible();
    await expect(
      card.getByRole("figure", { name: /^On-call share: (\d+\.\d%|too early to tell: [\d.]+ h counted), cap 25%/ }),
    ).toBeVisible();
    await expect(card).toContainText("Worked");
  }
  await expect(page.getByRole("table", { name: /last 12 weeks/ }).getByRole("row")).toHaveCount(13);

  const range = page.getByRole("region", { name: "A range you choose" });
  await range.getByLabel("First day").fill("2026-01-01");
  await range.getByLabel("Last day").fill("2025-12-01");
  await range.getByRole("button", { name: "Show share" }).click();
  await expect(range.locator("#range-to-error")).toContainText("must not be before");
  const today = DateTime.now().setZone(DEMO_ZONE);
  await range.getByLabel("First day").fill(today.minus({ weeks: 8 }).toISODate() ?? "");
  await range.getByLabel("Last day").fill(today.toISODate() ?? "");
  await range.getByRole("button", { name: "Show share" }).click();
  await expect(range.getByRole("figure", { name: /^Toil share: / })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "my-share");
});

test("Profile: working pattern, and an absence added, removed and restored", async ({ page }) => {
  await signIn(page, DEMO.engineer);
  await page.getByRole("link", { name: "Profile", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Profile", exact: true })).toBeVisible();
  await expect(page.getByLabel("Time zone")).toHaveValue(DEMO_ZONE);
  await expect(page.getByRole("checkbox", { name: "Monday" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Sunday" })).not.toBeChecked();

  // A bad zone is named at the field; nothing is saved (other journeys rely on Erik's Berlin pattern).
  await page.getByLabel("Time zone").fill("Mars/Olympus");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("#profile-zone-error")).toContainText("IANA time zone");
  await page.reload();
  await expect(page.getByLabel("Time zone")).toHaveValue(DEMO_ZONE);

  // Far in the future, so no share another journey reads changes.
  const note = uniqueName("Parental leave");
  await page.getByLabel("Kind").selectOption("leave");
  await page.getByLabel("First day").fill("2031-03-03");
  await page.getByLabel("Last day").fill("2031-03-07");
  await page.getByLabel("Note").fill(note);
  await page.getByRole("button", { name: "Add absence" }).click();
  const item = page.getByRole("listitem").filter({ hasText: note });
  await expect(item).toContainText("Mon 3 Mar – Fri 7 Mar 2031");
  await expectAccessible(page);
  await screenshot(page, "profile");

  await item.getByRole("button", { name: /^Remove/ }).click();
  await expect(item).toHaveCount(0);
  await page.getByTestId("toast").getByRole("button", { name: "Undo" }).click();
  await expect(item).toBeVisible();
  await page.reload();
  await expect(page.getByRole("listitem").filter({ hasText: note })).toBeVisible();
});
