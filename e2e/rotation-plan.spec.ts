import { expect, test } from "@playwright/test";
import { DEMO, expectAccessible, screenshot, signIn, uniqueName } from "./support";
import { mondayIn, removeRotation, seedRotation, weekCell } from "./rotation-support";

test("a planner builds a rotation by keyboard, previews everyone's load with warnings, creates it and tries a fair fill", async ({
  page,
}) => {
  // A long journey on a shared two-core machine.
  test.slow();
  await signIn(page, DEMO.planner);
  await page.getByRole("link", { name: "Rotations", exact: true }).click();
  await page.getByRole("link", { name: "New rotation" }).click();
  await expect(page.getByRole("heading", { name: "New rotation", level: 1 })).toBeVisible();

  // Nothing typed yet: creating names the missing field instead of sending anything.
  await page.getByRole("button", { name: "Create rotation" }).click();
  await expect(page.locator("#rotation-name-error")).toHaveText("Name the rotation");

  const name = uniqueName("Weekend pager");
  await page.getByLabel("Name").fill(name);
  const add = page.getByLabel("Add a participant");
  const zones = {
    "Erik Lindqvist": "Europe/Berlin",
    "Sofía Herrera": "Europe/Berlin",
    "Grace Thompson": "America/New_York",
  };
  for (const [person, zone] of Object.entries(zones)) {
    await add.selectOption({ label: `${person} (${zone})` });
    await page.getByRole("button", { name: "Add", exact: true }).click();
  }
  const order = page.locator(".participant-list li .participant-name");
  await expect(order).toHaveText([/^Erik Lindqvist/, /^Sofía Herrera/, /^Grace Thompson/]);

  // Keyboard only: Grace moves up one place and focus follows her.
  const graceUp = page.getByRole("button", { name: "Move Grace Thompson up" });
  await graceUp.focus();
  await page.keyboard.press("Enter");
  await expect(order).toHaveText([/^Erik Lindqvist/, /^Grace Thompson/, /^Sofía Herrera/]);
  await expect(graceUp).toBeFocused();

  // The what-if follows the form: each person's projected shares against the caps, and the warnings.
  const shares = page.getByRole("table", { name: /Projected shares per person/ });
  await expect(shares.getByRole("row", { name: /Erik Lindqvist/ })).toContainText(/\d+\.\d%/);
  await expect(shares.getByRole("row")).toHaveCount(4);
  const warnings = page.getByRole("list", { name: /^Warnings/ });
  await expect(warnings).toContainText("Too small");
  await expect(warnings).toContainText(name);
  await expect(page.getByRole("status").filter({ hasText: "Preview up to date." })).toBeVisible();

  // A shorter horizon is a new what-if.
  await page.getByLabel("Horizon").selectOption("4");
  await expect(page.getByText(/^Preview up to date\.$/)).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "rotation-new-preview");

  await page.getByRole("button", { name: "Create rotation" }).click();
  await expect(page).toHaveURL(/\/rotations\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(page.getByTestId("toast")).toContainText(`Rotation "${name}" created.`);
  await expect(page.getByText("Version 1", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Propose a fair fill" }).click();
  await expect(page.getByText(/^Quality score \d+\.\d → \d+\.\d \([+−]\d+\.\d\)$/)).toBeVisible();
  const allTurns = page.getByText(/^All \d+ turns of the proposal$/);
  await allTurns.click();
  await expect(page.getByRole("table", { name: "Every turn: as planned and as proposed" })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "rotation-editor");

  // Applying hands every changed turn over as a cover in one transaction.
  const applyFill = page.getByRole("button", { name: /^Apply \d+ changes? as covers$/ });
  await expect(applyFill.or(page.getByText("The plan already matches the proposal."))).toBeVisible();
  if (await applyFill.isVisible()) {
    const count = Number(/\d+/.exec((await applyFill.textContent()) ?? "")?.[0]);
    await applyFill.click();
    await expect(page.getByTestId("toast")).toContainText(
      `Fair fill applied: ${count} ${count === 1 ? "turn" : "turns"} handed over as covers.`,
    );
  }

  // Soft delete with undo: gone from the list, back after Undo.
  await page.getByRole("button", { name: "Remove rotation" }).click();
  await expect(page).toHaveURL(/\/rotations$/);
  const toast = page.getByTestId("toast");
  await expect(toast).toContainText(`Rotation "${name}" removed.`);
  await expect(page.getByRole("heading", { name, level: 3 })).toHaveCount(0);
  await toast.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByTestId("toast")).toContainText(`Rotation "${name}" restored.`);
  await expect(page.getByRole("heading", { name, level: 3 })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "rotations-planner");

  await page.getByRole("link", { name: `Edit and preview for ${name}` }).click();
  await page.getByRole("button", { name: "Remove rotation" }).click();
  await expect(page.getByTestId("toast")).toContainText("removed");
});

test("a planner adds a cover from the grid, removes it and brings it back with Undo", async ({ page }) => {
  test.slow();
  await signIn(page, DEMO.planner);
  const firstMonday = mondayIn(2);
  const rotation = await seedRotation(
    page,
    uniqueName("Cover drill"),
    ["Erik Lindqvist", "Sofía Herrera", "Amara Okafor"],
    firstMonday,
  );
  await page.goto(`/rotations/${rotation.id}`);
  await expect(page.getByRole("heading", { name: rotation.name, level: 1 })).toBeVisible();

  await weekCell(page, "Erik Lindqvist", firstMonday, "Add a cover").click();
  const dialog = page.getByRole("dialog", { name: "Add a cover" });
  await expect(dialog.getByLabel("Who covers")).toBeFocused();
  await expect(dialog.getByLabel("Covering for")).toHaveValue(/[0-9a-f-]{36}/);
  await dialog.getByRole("button", { name: "Add cover" }).click();
  await expect(dialog.locator("#cover-person-error")).toHaveText("Choose who covers");
  await dialog.getByLabel("Who covers").selectOption({ label: "Sofía Herrera" });
  await dialog.getByLabel("Note").fill("Erik moves house");
  await expectAccessible(page);
  await screenshot(page, "rotation-cover-dialog");
  await dialog.getByRole("button", { name: "Add cover" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("toast")).toContainText("Cover added: Sofía Herrera covers Erik Lindqvist");

  const covers = page.getByRole("region", { name: "Covers" });
  await expect(covers).toContainText("Sofía Herrera covers Erik Lindqvist");
  await expect(weekCell(page, "Sofía Herrera", firstMonday, "Add a cover")).toHaveAccessibleName(
    /Primary on-call .*, cover\. Add a cover$/,
  );
  await screenshot(page, "rotation-page-planner");

  await covers.getByRole("button", { name: /^Remove cover: Sofía Herrera covers Erik Lindqvist/ }).click();
  await expect(covers).not.toContainText("Sofía Herrera covers Erik Lindqvist");
  await page.getByTestId("toast").getByRole("button", { name: "Undo" }).click();
  await expect(page.getByTestId("toast")).toContainText("Cover restored");
  // The same cover comes back, note and all.
  await expect(covers).toContainText("Sofía Herrera covers Erik Lindqvist");
  await expect(covers).toContainText("Erik moves house");

  await removeRotation(page, rotation);
});

test("two planners save the same rotation: the second gets a clear conflict and loses nothing", async ({
  browser,
  page,
}) => {
  test.slow();
  await signIn(page, DEMO.planner);
  const rotation = await seedRotation(
    page,
    uniqueName("Conflict drill"),
    ["Erik Lindqvist", "Sofía Herrera"],
    mondayIn(3),
  );
  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await signIn(manager, DEMO.manager);

  await page.goto(`/rotations/${rotation.id}`);
  await manager.goto(`/rotations/${rotation.id}`);
  await expect(page.getByText("Version 1", { exact: true })).toBeVisible();
  await expect(manager.getByText("Version 1", { exact: true })).toBeVisible();

  const renamed = `${rotation.name} (renamed)`;
  await manager.getByLabel("Name").fill(renamed);
  await manager.getByRole("button", { name: "Save changes" }).click();
  await expect(manager.getByText("Version 2", { exact: true })).toBeVisible();

  // The planner, still on version 1, moves the hand-off and saves.
  await page.getByLabel("Hand-off time").fill("10:30");
  await page.getByRole("button", { name: "Save changes" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "Not saved: someone else saved this rotation" });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("Their version (2) changed: name.");
  await expect(page.getByLabel("Hand-off time")).toHaveValue("10:30");
  await expect(page.getByText("unsaved changes")).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "rotation-conflict");

  await alert.getByRole("button", { name: "Save mine over theirs" }).click();
  await expect(page.getByTestId("toast")).toContainText("(version 3)");
  await page.reload();
  await expect(page.getByLabel("Hand-off time")).toHaveValue("10:30");
  await expect(page.getByText("Version 3", { exact: true })).toBeVisible();

  await managerContext.close();
  await removeRotation(page, rotation);
});

test("an engineer reads the schedule and the rotations but sees no planning controls", async ({ page }) => {
  test.slow();
  await signIn(page, DEMO.engineer);
  await page.getByRole("link", { name: "Rotations", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Rotations", exact: true })).toBeVisible();
  await expect(page.getByRole("grid", { name: /^Duty by person and week/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "New rotation" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Add a cover$/ })).toHaveCount(0);
  // The grid scrolls inside its card: the page itself never gets wider than the window.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await expectAccessible(page);
  await screenshot(page, "rotations-engineer");

  await page.getByRole("link", { name: "Schedule and swaps for Pager primary" }).click();
  await expect(page.getByRole("heading", { name: "Pager primary", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "How it runs" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Remove rotation" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Add a cover$/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Remove cover/ })).toHaveCount(0);
  await expect(page.getByLabel("Name")).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, "rotation-page-engineer");

  // Arrow keys move through the grid; the grid is one tab stop.
  const grid = page.getByRole("grid");
  const entry = grid.locator('[tabindex="0"]');
  await expect(entry).toHaveCount(1);
  const [row = 0, col = 0] = ((await entry.getAttribute("data-cell")) ?? "0:0").split(":").map(Number);
  await entry.focus();
  await page.keyboard.press("ArrowRight");
  await expect(grid.locator(`[data-cell="${row}:${col + 1}"]`)).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(grid.locator(`[data-cell="${row + 1}:${col + 1}"]`)).toBeFocused();

  // Days instead of weeks: the hand-off hours show in the cells.
  await page.getByRole("radio", { name: "Days" }).check();
  await expect(page.getByRole("grid", { name: /^Duty by person and day/ })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await expectAccessible(page);
  await screenshot(page, "rotation-days-engineer");

  await page.goto("/rotations/new");
  await expect(page.getByText("Only planners and managers set up rotations")).toBeVisible();
});
