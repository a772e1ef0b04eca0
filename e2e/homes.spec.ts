import { expect, test } from "@playwright/test";
import { trpcMutation } from "./rotation-support";
import { DEMO, DEMO_ZONE, signIn, uniqueName } from "./support";

/** The home by role: each role's part of the team chosen in the shell, each card linking where one acts on it. */

test("a manager's home shows the chosen team's month, and follows the team switcher", async ({ page, browser }) => {
  // Two people sign in: the manager, and the administrator who gives her a second team.
  test.setTimeout(60_000);
  await signIn(page, DEMO.manager);
  const platform = page.getByRole("region", { name: /^Platform SRE in \w+$/ });
  for (const card of ["Over the caps", "Breach notifications", "Weekly review"])
    await expect(platform.getByRole("region", { name: card })).toBeVisible();
  // A manager who is no engineer of the team reads the team first, then their own work.
  await expect(page.getByRole("heading", { name: "Your own work" })).toBeVisible();
  const review = platform.getByRole("region", { name: "Weekly review" });
  await expect(review.getByText(/ of \d+ reviewed$|nothing to review/)).toBeVisible();
  await review.getByRole("link", { name: /^(Review them|Weekly review) →$/ }).click();
  await expect(page).toHaveURL(/\/reports\/review\?team=[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "Team reports", exact: true })).toBeVisible();

  // An administrator makes her the manager of a second team, one without engineers yet.
  const teamName = uniqueName("Zulu Homes");
  const admin = await browser.newPage();
  await signIn(admin, DEMO.admin);
  const created = await trpcMutation<{ id: string }>(admin, "teams.create", { name: teamName, timeZone: DEMO_ZONE });
  await trpcMutation(admin, "teams.invite", {
    teamId: created.id,
    name: "Maria Schneider",
    email: DEMO.manager,
    timeZone: DEMO_ZONE,
    roles: ["manager"],
  });
  await admin.close();

  await page.goto("/");
  await page.getByRole("combobox", { name: "Team", exact: true }).selectOption({ label: teamName });
  await page.getByRole("button", { name: "Switch" }).click();
  const zulu = page.getByRole("region", { name: new RegExp(`^${teamName} in \\w+$`) });
  await expect(zulu.getByText("The team has no engineers yet")).toBeVisible();
  await expect(platform).toHaveCount(0);
  await expect(zulu.getByRole("link", { name: "Toil-cap report →" })).toHaveAttribute(
    "href",
    `/reports?team=${created.id}&period=month`,
  );
  // The choice holds on the next visit, from the cookie alone.
  await page.goto("/");
  await expect(zulu).toBeVisible();
});

test("a planner's home: their own week first, then the next two weeks of the team's rotations", async ({ page }) => {
  await signIn(page, DEMO.planner);
  const own = page.getByRole("region", { name: "Toil share this week" });
  const outlook = page.getByRole("region", { name: "Platform SRE's rotations, next two weeks" });
  await expect(own).toBeVisible();
  await expect(outlook).toBeVisible();
  const [ownBox, outlookBox] = [await own.boundingBox(), await outlook.boundingBox()];
  expect(ownBox?.y ?? 0).toBeLessThan(outlookBox?.y ?? 0);
  for (const card of ["Coverage gaps", "Swap requests waiting"])
    await expect(outlook.getByRole("region", { name: card })).toBeVisible();
  // The demo's weekly rotations hand off within any two weeks.
  await expect(outlook.getByRole("region", { name: "Coming hand-offs" }).getByRole("listitem").first()).toBeVisible();
  await outlook.getByRole("link", { name: "Answer on Rotations →" }).click();
  await expect(page).toHaveURL(/\/rotations\?team=[0-9a-f-]{36}#swaps-heading$/);
  await expect(page.getByRole("heading", { name: "Swap requests" })).toBeVisible();
});

test("an administrator's home is the organisation's month, with each team's report a click away", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await expect(page.getByText("Create a team in Settings")).toHaveCount(0);
  const org = page.getByRole("region", { name: "The organisation this month" });
  await expect(org.getByRole("region", { name: "Organisation toil share" })).toBeVisible();
  await expect(org.getByRole("region", { name: "Teams over their caps" })).toBeVisible();
  await org.getByRole("region", { name: "Each team" }).getByRole("link", { name: "Platform SRE" }).click();
  await expect(page).toHaveURL(/\/reports\?team=[0-9a-f-]{36}&period=month$/);
  await expect(page.getByText(/^Platform SRE: each engineer's toil share/)).toBeVisible();
});
