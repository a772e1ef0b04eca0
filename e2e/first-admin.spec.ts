import { expect, test } from "@playwright/test";
import { EMPTY_SERVER, expectAccessible, screenshot } from "./support";

test.use({ baseURL: EMPTY_SERVER });

test("the first account on an empty instance becomes admin and creates a team @postgres", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-up$/);
  await expect(page.getByRole("heading", { name: "Create the first admin account" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter your name")).toBeVisible();
  await expect(page.getByText("Use at least 8 characters")).toBeVisible();

  await page.getByLabel("Your name").fill("Ada Admin");
  await page.getByLabel("Email").fill("ada@example.test");
  await page.getByLabel("Password").fill("correct horse battery");
  // The zone comes from the browser (the journeys run in Berlin), not UTC.
  await expect(page.getByLabel("Your time zone")).toHaveValue("Europe/Berlin");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page.getByRole("heading", { name: "Hello, Ada" })).toBeVisible();
  await expect(page.getByLabel("Your roles").getByText("admin")).toBeVisible();
  await expect(page.getByText("Create a team in Settings")).toBeVisible();

  await page.getByRole("link", { name: "Settings", exact: true }).click();
  await page.getByLabel("Team name").fill("Platform SRE");
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByRole("heading", { name: "Members of Platform SRE" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "ada@example.test" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Europe/Berlin" })).toBeVisible();
  // The shell follows at once, without a reload: the team's name, its caps and the Log toil button.
  await expect(page.locator(".topbar")).toContainText("Platform SRE");
  await expect(page.locator(".sidebar-foot")).toHaveText("Platform SRE: toil cap 50% · on-call cap 25%");
  await expect(page.getByRole("button", { name: /Log toil/ })).toBeVisible();
  await screenshot(page, "first-admin-settings");

  // A second visitor cannot become admin: sign-up is now by invitation only.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/sign-up");
  await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Sign-up is by invitation" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Create account" })).toHaveCount(0);
});
