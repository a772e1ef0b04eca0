import { expect, test } from "@playwright/test";
import { CLOCK_SERVER, DEMO, expectAccessible, screenshot, signIn } from "./support";

/**
 * On the clock server (Monday 30 March 2026 in Berlin) the demo's duty is calm under the default thresholds. The
 * manager makes them strict (one turn, interrupt time over a quarter of duty time), which flags the pager; the
 * planner follows the flag to a proposed second duty role, creates it and undoes it. The manager's thresholds
 * are put back at the end.
 */
test.use({ baseURL: CLOCK_SERVER });

test("a planner follows an overload flag to a second duty role, creates it and undoes it", async ({
  page,
  browser,
}) => {
  // Two sign-ins and a preview: more than the default 30 s on a busy machine.
  test.setTimeout(90_000);
  await signIn(page, DEMO.manager);
  await page.goto("/settings");
  const thresholds = page.getByRole("region", { name: "When one person on duty can't keep up" });
  await thresholds.getByLabel("Turns in a row").fill("1");
  await thresholds.getByLabel("Interrupt time over (% of duty)").fill("25");
  await thresholds.getByRole("button", { name: "Save thresholds" }).click();
  await expect(thresholds.getByRole("status")).toContainText("after 1 turn.");
  await page.goto("/");
  await expect(page.getByRole("region", { name: "Duty that one person can't keep up with" })).toContainText(
    "Pager primary",
  );

  const plannerContext = await browser.newContext({ baseURL: CLOCK_SERVER });
  const planner = await plannerContext.newPage();
  try {
    await signIn(planner, DEMO.planner);
    // The flag is on the planner's home (and the manager's, and the rotations list).
    await planner.goto("/");
    const card = planner.getByRole("region", { name: "Duty that one person can't keep up with" });
    await expect(card).toContainText("Pager primary");
    await expect(card).toContainText("interrupt time over duty time");
    await card.getByRole("link", { name: "Propose a second duty role" }).first().click();

    await expect(planner.getByRole("heading", { level: 1, name: "A second duty role" })).toBeVisible();
    await expect(planner.getByLabel("Name", { exact: true })).toHaveValue("Pager primary (second)");
    await expect(planner.getByText("Preview up to date.")).toBeVisible();
    // Each person's share before and after: the second role moves someone's on-call share.
    await expect(planner.locator(".shares-table .share-before").first()).toBeVisible();
    await expectAccessible(planner);
    await screenshot(planner, "duty-overload-proposal");

    await planner.getByRole("button", { name: "Create rotation" }).click();
    const toast = planner.getByTestId("toast");
    await expect(toast).toContainText('Second duty role "Pager primary (second)" created');
    await expect(planner.getByRole("heading", { level: 1, name: "Pager primary (second)" })).toBeVisible();
    await toast.getByRole("button", { name: "Undo" }).click();
    await expect(planner.getByRole("heading", { level: 1, name: "Pager primary", exact: true })).toBeVisible();
    await expect(planner.getByTestId("toast")).toContainText("is on its own again");
    await planner.goto("/rotations");
    await expect(planner.getByRole("link", { name: /Pager primary \(second\)/ })).toHaveCount(0);
  } finally {
    await plannerContext.close();
    await page.goto("/settings");
    await thresholds.getByLabel("Turns in a row").fill("2");
    await thresholds.getByLabel("Interrupt time over (% of duty)").fill("100");
    await thresholds.getByRole("button", { name: "Save thresholds" }).click();
    await expect(thresholds.getByRole("status")).toContainText("after 2 turns in a row");
  }
});
