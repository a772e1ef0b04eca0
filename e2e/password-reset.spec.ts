import { expect, test, type Browser, type Page } from "@playwright/test";
import { trpcMutation, trpcQuery } from "./rotation-support";
import { DEMO, DEMO_ZONE, expectAccessible, screenshot, signIn, uniqueName } from "./support";

const FIRST_PASSWORD = "a long enough password";

/** A new person invited by the admin into a team of their own, signed up through the link in `browser`. */
async function newPerson(page: Page, browser: Browser, prefix: string) {
  const name = uniqueName(prefix);
  const email = `${name.toLowerCase().replace(/\s+/g, "-")}@northwind.example`;
  await signIn(page, DEMO.admin);
  const team = await trpcMutation<{ id: string }>(page, "teams.create", { name: uniqueName(`${prefix} team`) });
  const invited = await trpcMutation<{ path: string }>(page, "teams.invite", {
    teamId: team.id,
    name,
    email,
    timeZone: DEMO_ZONE,
    roles: ["engineer"],
  });
  const context = await browser.newContext();
  const own = await context.newPage();
  await own.goto(invited.path);
  await own.getByLabel("Password").fill(FIRST_PASSWORD);
  await own.getByRole("button", { name: "Create account" }).click();
  await expect(own.getByRole("navigation", { name: "Main" })).toBeVisible();
  return { name, email, own, context };
}

/** No sideways scrolling at a phone's width. */
async function expectNoHorizontalScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(
    true,
  );
}

test("an admin issues a reset link; the person sets a new password with it, is signed out elsewhere, and signs in; the link works once", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const person = await newPerson(page, browser, "Rosa");

  await page.goto("/settings/access");
  await page.getByRole("button", { name: `Reset password for ${person.name}` }).click();
  const link = page.getByLabel(`Password-reset link for ${person.name}`, { exact: true });
  await expect(link).toHaveValue(/\/reset-password\?token=[A-Za-z0-9_-]{43}$/);
  await expect(page.getByText(/works once, until/)).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "password-reset-issued");
  const address = await link.inputValue();

  // Opened signed out, in another browser: the link is the credential.
  const context = await browser.newContext();
  const reset = await context.newPage();
  await reset.goto(address);
  await expect(reset.getByRole("heading", { name: "Set a new password" })).toBeVisible();
  await expect(reset.getByText(person.email)).toBeVisible();
  await expectAccessible(reset);
  await reset.getByLabel("New password", { exact: true }).fill("short");
  await reset.getByLabel("New password again").fill("different");
  await reset.getByRole("button", { name: "Set new password" }).click();
  await expect(reset.getByText("Use at least 8 characters")).toBeVisible();
  await expect(reset.getByText("The two passwords differ")).toBeVisible();
  await expect(reset.getByLabel("New password", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await reset.getByLabel("New password", { exact: true }).fill("a brand new passphrase");
  await reset.getByLabel("New password again").fill("a brand new passphrase");
  await reset.getByRole("button", { name: "Set new password" }).click();
  await expect(reset.getByRole("status").filter({ hasText: "signed out everywhere" })).toBeVisible();
  await screenshot(reset, "password-reset-done");

  // The session they had is over; the new password signs them in, the old one does not.
  await person.own.reload();
  await expect(person.own).toHaveURL(/\/sign-in/);
  await signIn(reset, person.email, "a brand new passphrase");

  // The same link again: refused, with the reason.
  const againContext = await browser.newContext();
  const again = await againContext.newPage();
  await again.goto(address);
  await expect(again.getByRole("alert").filter({ hasText: /./ })).toContainText("already used");
  await expect(again.getByRole("button", { name: "Set new password" })).toHaveCount(0);
  await again.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(again);
  await expectNoHorizontalScroll(again);

  // The admin reads both in the audit log.
  await page.goto("/settings/audit?action=person.password-reset-link");
  await expect(
    page.getByRole("table", { name: "Audit log" }).getByText("person.password-reset-link.use"),
  ).toBeVisible();
  await expect(
    page.getByRole("table", { name: "Audit log" }).getByText("person.password-reset-link.issue").first(),
  ).toBeVisible();
  await Promise.all([context.close(), againContext.close(), person.context.close()]);
});

test("the reset page at a phone's width, and a link that is not valid", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/reset-password?token=${"A".repeat(43)}`);
  await expect(page.getByRole("alert").filter({ hasText: /./ })).toContainText("not valid");
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
  await screenshot(page, "password-reset-invalid-390");
});

test("a person changes their own password in Profile: a wrong current password is named beside its field", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const person = await newPerson(page, browser, "Cato");
  const profile = person.own;
  await profile.goto("/profile");
  const form = profile.getByRole("form", { name: "Change your password" });
  await form.getByLabel("Current password").fill("not my password");
  await form.getByLabel("New password", { exact: true }).fill("my second password");
  await form.getByLabel("New password again").fill("my second password");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("This is not your current password")).toBeVisible();
  await expect(form.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(profile);

  await form.getByLabel("Current password").fill(FIRST_PASSWORD);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(profile.getByTestId("toast")).toContainText("Password changed");
  await expect(form.getByLabel("Current password")).toHaveValue("");
  await profile.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(profile);
  await expectNoHorizontalScroll(profile);
  await screenshot(profile, "password-change-390");

  await profile.context().clearCookies();
  await signIn(profile, person.email, "my second password");
  expect((await trpcQuery<{ email: string }>(profile, "viewer.me")).email.toLowerCase()).toBe(
    person.email.toLowerCase(),
  );
  await person.context.close();
});
