import { expect, test } from "@playwright/test";
import { DEMO, expectAccessible, screenshot, signIn, signInWithForm } from "./support";

test("a demo engineer signs in and sees the shell with their name and roles @postgres", async ({ page }) => {
  await signInWithForm(page, DEMO.engineer);
  await expect(page.getByRole("heading", { name: /^Hello, / })).toBeVisible();
  await expect(page.getByLabel("Your roles").getByText("engineer")).toBeVisible();
  await expect(page.getByRole("link", { name: "My work", exact: true })).toHaveAttribute("aria-current", "page");
  await expectAccessible(page);
  await screenshot(page, "engineer-my-work");

  for (const [link, heading] of [
    ["Team reports", "Team reports"],
    ["Rotations", "Rotations"],
    ["Settings", "Settings"],
  ] as const) {
    await page.getByRole("link", { name: link }).click();
    await expect(page.getByRole("heading", { name: heading, exact: true })).toBeVisible();
    await expectAccessible(page);
  }
  await expect(page.getByRole("button", { name: "Invite" })).toHaveCount(0);
});

test("the demo manager sees the team, its rotations and can invite @postgres", async ({ page }) => {
  await signIn(page, DEMO.manager);
  await expect(page.getByLabel("Your roles").getByText("manager")).toBeVisible();
  await screenshot(page, "manager-my-work");
  await page.getByRole("link", { name: "Rotations", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Pager primary" })).toBeVisible();
  await screenshot(page, "manager-rotations");
  await page.getByRole("link", { name: "Settings", exact: true }).click();
  await expect(page.getByRole("heading", { name: /Members of Platform SRE/ })).toBeVisible();
  await screenshot(page, "manager-settings");

  const invite = page.getByRole("region", { name: "Invite someone" });
  await invite.getByLabel("Name", { exact: true }).fill("Noor Haddad");
  await invite.getByLabel("Email").fill("not-an-email");
  await invite.getByRole("button", { name: "Invite" }).click();
  await expect(invite.getByText("Enter a valid email address")).toBeVisible();
  await invite.getByLabel("Email").fill(`noor-${Date.now()}@northwind.example`);
  await invite.getByRole("button", { name: "Invite" }).click();
  await expect(invite.getByRole("status").filter({ hasText: "Invitation for" })).toContainText("works once");
  await expect(invite.getByLabel("Invitation link")).toHaveValue(/\/sign-up\?invitation=[A-Za-z0-9_-]{43}$/);
});

test("the app is reachable by keyboard: skip link and main navigation @postgres", async ({ page }) => {
  await signIn(page, DEMO.engineer);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "My work", exact: true })).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Team reports", exact: true })).toBeVisible();
});

test("a wrong password is refused with a clear message and signed-out visitors are sent to sign in @postgres", async ({
  page,
}) => {
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings$/);
  await page.getByLabel("Email").fill(DEMO.engineer);
  await page.getByLabel("Password").fill("wrong password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
});

test("an uninvited visitor cannot sign up on an instance that has an admin @postgres", async ({ page }) => {
  await page.goto("/sign-up");
  await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Sign-up is by invitation" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Create account" })).toHaveCount(0);
});
