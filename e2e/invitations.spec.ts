import { expect, test } from "@playwright/test";
import { DEMO, expectAccessible, screenshot, signIn, uniqueName } from "./support";

test("a manager invites by a link shown once; the invitee signs up through it; the link does not work twice; a removed member leaves the list", async ({
  page,
  browser,
  context,
}) => {
  // Two browsers, two sign-ups and a removal: longer than one journey.
  test.setTimeout(180_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const name = uniqueName("Ines");
  const email = `ines-${name.split(" ")[1] ?? Date.now()}@northwind.example`;

  await signIn(page, DEMO.manager);
  await page.getByRole("link", { name: "Settings", exact: true }).click();
  const invite = page.getByRole("region", { name: "Invite someone" });
  await invite.getByLabel("Name", { exact: true }).fill(name);
  await invite.getByLabel("Email").fill(email);
  await invite.getByRole("button", { name: "Invite" }).click();
  const link = invite.getByLabel("Invitation link");
  await expect(link).toHaveValue(/\/sign-up\?invitation=[A-Za-z0-9_-]{43}$/);
  await invite.getByRole("button", { name: "Copy" }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await link.inputValue());
  // The pending invitation is listed for the manager; the invitee is not yet a member.
  await expect(page.getByRole("region", { name: "Pending invitations" }).getByText(email)).toBeVisible();
  await expect(page.getByRole("region", { name: /Members of/ }).getByRole("cell", { name: email })).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, "invitation-link");

  // The invitee opens the link in their own browser and creates their account.
  const inviteeContext = await browser.newContext();
  const invitee = await inviteeContext.newPage();
  await invitee.goto(copied);
  await expect(invitee.getByText(/You were invited to Platform SRE/)).toBeVisible();
  await expect(invitee.getByLabel("Email")).toHaveValue(email);
  await invitee.getByLabel("Password").fill("a long enough password");
  await invitee.getByRole("button", { name: "Create account" }).click();
  await expect(invitee.getByRole("navigation", { name: "Main" })).toBeVisible();
  await inviteeContext.close();

  // A second use of the same link is refused.
  const againContext = await browser.newContext();
  const again = await againContext.newPage();
  await again.goto(copied);
  await expect(again.getByRole("alert").filter({ hasText: "not valid" })).toBeVisible();
  await expect(again.getByRole("button", { name: "Create account" })).toHaveCount(0);
  await againContext.close();

  // The manager sees the new member, removes them from today, and they no longer appear; undo brings them back.
  await page.reload();
  const members = page.getByRole("region", { name: /Members of/ });
  await expect(members.getByRole("cell", { name: email })).toBeVisible();
  await expect(page.getByRole("region", { name: "Pending invitations" }).getByText(email)).toHaveCount(0);
  await members.getByRole("button", { name: `Remove ${name} from the team` }).click();
  const dialog = page.getByRole("dialog", { name: `Remove ${name}?` });
  await dialog.getByRole("button", { name: "Remove from the team" }).click();
  await expect(members.getByRole("cell", { name: email })).toHaveCount(0, { timeout: 30_000 });
  await expect(members.getByRole("status")).toContainText(`Removed ${name}`);
  await members.getByRole("button", { name: "Undo" }).click();
  await expect(members.getByRole("cell", { name: email })).toBeVisible();
});
