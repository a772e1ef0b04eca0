import { expect, type Page, test } from "@playwright/test";
import { trpcMutation } from "./rotation-support";
import { DEMO, DEMO_PASSWORD, DEMO_ZONE, expectAccessible, screenshot, signIn, uniqueName } from "./support";

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

/** Passes axe and has no horizontal scroll, on a laptop and on a phone, with a screenshot of each. */
async function checkLayouts(page: Page, name: string) {
  for (const [size, viewport] of [
    ["desktop", DESKTOP],
    ["phone", PHONE],
  ] as const) {
    await page.setViewportSize(viewport);
    await expectAccessible(page);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `horizontal scroll on ${size}`).toBeLessThanOrEqual(0);
    await screenshot(page, `${name}-${size}`);
    await page.screenshot({ path: `test-results/screens/${name}-${size}-top.png` });
  }
  await page.setViewportSize(DESKTOP);
}

/** Signs up through an invitation link, keeping the zone the form takes from the browser. */
async function signUp(page: Page, name: string, invitationPath: string) {
  await page.goto(invitationPath);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await expect(page.getByLabel("Your time zone")).toHaveValue(DEMO_ZONE);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
}

test("a manager changes a member's role and the team's caps, and the shell shows the new cap @postgres", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const suffix = uniqueName("x").split(" ")[1] ?? String(Date.now());
  const teamName = `Zeta Ops ${suffix}`;
  const managerEmail = `mona-${suffix}@northwind.example`;
  const engineerEmail = `eli-${suffix}@northwind.example`;
  await signIn(page, DEMO.admin);
  const created = await trpcMutation<{ id: string }>(page, "teams.create", { name: teamName, timeZone: DEMO_ZONE });
  const links = new Map<string, string>();
  for (const [name, email, roles] of [
    ["Mona Manager", managerEmail, ["manager"]],
    ["Eli Engineer", engineerEmail, ["engineer"]],
  ] as const) {
    const invited = await trpcMutation<{ path: string }>(page, "teams.invite", {
      teamId: created.id,
      name,
      email,
      timeZone: DEMO_ZONE,
      roles,
    });
    links.set(email, invited.path);
  }
  await page.context().clearCookies();
  await signUp(page, "Eli Engineer", links.get(engineerEmail) ?? "/sign-up");
  await page.context().clearCookies();
  await signUp(page, "Mona Manager", links.get(managerEmail) ?? "/sign-up");

  const caps = page.locator(".sidebar-foot");
  await expect(caps).toHaveText(`${teamName}: toil cap 50% · on-call cap 25%`);
  await page.getByRole("link", { name: "Settings", exact: true }).click();
  const members = page.getByRole("region", { name: `Members of ${teamName}` });
  const eli = members.getByRole("row").filter({ hasText: "Eli Engineer" });
  await expect(eli).toContainText("engineer");
  // Members since today: whoever created the team and those who joined through an invitation alike.
  await expect(members.getByText("Not recorded")).toHaveCount(0);
  await checkLayouts(page, "team-settings");
  // Inviting proposes the team's zone, and the browser's list of zones to search.
  const invite = page.getByRole("region", { name: "Invite someone" });
  await expect(invite.getByLabel("Time zone")).toHaveValue(DEMO_ZONE);
  await expect(invite.locator("datalist option[value='Asia/Tokyo']")).toHaveCount(1);

  await members.getByRole("button", { name: "Change the roles of Eli Engineer" }).click();
  const dialog = page.getByRole("dialog", { name: "Roles of Eli Engineer" });
  await dialog.getByRole("checkbox", { name: /planner/ }).check();
  await expectAccessible(page);
  await screenshot(page, "team-roles-dialog");
  await dialog.getByRole("button", { name: "Save roles" }).click();
  await expect(dialog).toBeHidden();
  await expect(members.getByRole("status")).toContainText("Eli Engineer is now engineer, planner");
  await expect(eli.locator(".badge.planner")).toBeVisible();

  const capsForm = page.getByRole("region", { name: `Caps of ${teamName}` });
  await capsForm.getByLabel("Toil cap (%)").fill("2");
  await capsForm.getByRole("button", { name: "Save caps" }).click();
  await expect(capsForm.getByText("At least 5%")).toBeVisible();
  await capsForm.getByLabel("Toil cap (%)").fill("40");
  await capsForm.getByRole("button", { name: "Save caps" }).click();
  await expect(capsForm.getByRole("status")).toContainText("Caps now 40% toil and 25% on call");
  await expect(caps).toHaveText(`${teamName}: toil cap 40% · on-call cap 25%`);
  // The cap holds on other pages: the shell is the team's, not a fixed text.
  await page.getByRole("link", { name: "Team reports", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Team reports", level: 1 })).toBeVisible();
  await expect(caps).toHaveText(`${teamName}: toil cap 40% · on-call cap 25%`);

  // Both changes are in the audit log, as Mona's.
  await page.context().clearCookies();
  await signIn(page, DEMO.admin);
  await page.goto("/settings/audit?action=team.");
  const log = page.getByRole("table", { name: "Audit log" });
  await expect(
    log.getByRole("row").filter({ hasText: "Mona Manager" }).filter({ hasText: "team.set-roles" }),
  ).toHaveCount(1);
  await expect(log.getByRole("row").filter({ hasText: "Mona Manager" }).filter({ hasText: "team.caps" })).toHaveCount(
    1,
  );
});

test("an admin switches teams in the shell and the choice holds across pages and links", async ({ page }) => {
  await signIn(page, DEMO.admin);
  const switcher = page.getByRole("combobox", { name: "Team", exact: true });
  await switcher.selectOption({ label: "Data Platform" });
  await page.getByRole("button", { name: "Switch" }).click();
  await expect(page.locator(".sidebar-foot")).toHaveText("Data Platform: toil cap 50% · on-call cap 25%");
  await expect(switcher).toHaveValue(/.+/);
  await expect(switcher.locator("option:checked")).toHaveText("Data Platform");

  // The admin's home links to every team's report, and Next's router fetches each link in view. Those fetches (one
  // is made here as the router makes it, so the check does not hang on timing) choose nothing.
  const otherTeam = await switcher.locator("option", { hasText: "Platform SRE" }).getAttribute("value");
  const prefetched = await page.evaluate(async (teamId) => {
    const response = await fetch(`/reports?team=${teamId}&period=month`, {
      headers: { rsc: "1", "next-router-prefetch": "1", "next-url": "/" },
    });
    return response.status;
  }, otherTeam);
  expect(prefetched).toBe(200);

  await page.getByRole("link", { name: "Team reports", exact: true }).click();
  await expect(page.getByText(/^Data Platform: each engineer's toil share/)).toBeVisible();
  await page.getByRole("navigation", { name: "Team reports" }).getByRole("link", { name: "Trend" }).click();
  await expect(page.getByText(/^Data Platform: weekly toil share/)).toBeVisible();
  await page.getByRole("link", { name: "Rotations", exact: true }).click();
  await expect(page.getByText(/in Data Platform\./)).toBeVisible();
  await page.getByRole("link", { name: "Settings", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Members of Data Platform" })).toBeVisible();
  await checkLayouts(page, "team-switcher-settings");

  // A reload keeps it too, and switching back from a deep page lands on its section.
  await page.reload();
  await expect(switcher.locator("option:checked")).toHaveText("Data Platform");
  await switcher.selectOption({ label: "Platform SRE" });
  await page.getByRole("button", { name: "Switch" }).click();
  await expect(page.getByRole("heading", { name: "Members of Platform SRE" })).toBeVisible();
  await page.getByRole("link", { name: "Rotations", exact: true }).click();
  await expect(page.getByText(/in Platform SRE\./)).toBeVisible();
});

test("signing in returns to the page asked for, and never to another site", async ({ page }) => {
  await page.goto("/reports/trend?period=month");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Freports%2Ftrend%3Fperiod%3Dmonth$/);
  await page.getByLabel("Email").fill(DEMO.manager);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/reports\/trend\?period=month$/);
  await expect(page.getByRole("heading", { name: "Team reports", level: 1 })).toBeVisible();

  for (const next of ["//evil.com", "https://evil.com"]) {
    await page.context().clearCookies();
    await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
    await page.getByLabel("Email").fill(DEMO.manager);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("heading", { name: /^Hello, / })).toBeVisible();
    await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/$/);
  }
});
