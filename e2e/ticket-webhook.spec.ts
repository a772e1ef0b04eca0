import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { trpcMutation, trpcQuery } from "./rotation-support";
import { DEMO, expectAccessible, screenshot, signIn, uniqueName } from "./support";

test("a planner connects a ticket system; a ticket it posts waits in its assignee's inbox @postgres", async ({
  page,
  browser,
}) => {
  test.slow();
  await signIn(page, DEMO.planner);
  await page.goto("/settings");
  const panel = page.getByRole("region", { name: "Integrations", exact: true });
  const form = panel.getByRole("form", { name: "Add an integration" });
  // By keyboard: the kind is a radio group, the rotation optional for tickets.
  await form.getByRole("radio", { name: "Alertmanager" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(form.getByRole("radio", { name: "Ticket webhook" })).toBeChecked();
  await expect(form.getByLabel(/Credit other tickets to whoever is on duty in/)).toHaveValue("");
  const name = uniqueName("Jira ops");
  await form.getByLabel("Name").fill(name);
  await form.getByRole("button", { name: "Create integration" }).click();

  const shown = page.getByRole("region", { name: /Copy the webhook URL of/ });
  await expect(shown).toBeFocused();
  const url = await shown.getByLabel("Webhook URL").inputValue();
  expect(url).toMatch(/\/api\/integrations\/tickets\/[A-Za-z0-9_-]{43}$/);
  await expect(shown.locator("pre code")).toContainText(`curl -X POST "${url}"`);
  await expect(panel.getByRole("row").filter({ hasText: name })).toContainText("Ticket assignee");
  await expectAccessible(page);
  await screenshot(page, "ticket-webhook-created");

  const id = `JIRA-${randomBytes(3).toString("hex").toUpperCase()}`;
  const ticket = {
    id,
    opened: new Date(Date.now() - 3 * 3_600_000).toISOString(),
    resolved: null,
    assigneeEmail: DEMO.engineer,
    service: "billing",
    summary: `Customer refund stuck (${id})`,
    severity: "high",
  };
  const created = await page.request.post(url, { data: ticket });
  expect(created.status()).toBe(201);
  expect(await created.json()).toMatchObject({ ok: true, outcome: "created", assigned: true });
  const again = await page.request.post(url, { data: ticket });
  expect(again.status()).toBe(200);
  expect(await again.json()).toMatchObject({ outcome: "unchanged" });
  expect((await page.request.post(url, { data: { ...ticket, opened: "yesterday" } })).status()).toBe(400);

  const context = await browser.newContext();
  const erik = await context.newPage();
  await signIn(erik, DEMO.engineer);
  const item = erik.getByRole("region", { name: /Captured pages and tickets/ }).getByRole("form", { name: id });
  await expect(item).toContainText(ticket.summary);
  await expect(item).toContainText("via ticket webhook");
  await expect(item).toContainText("still open");
  await item.getByRole("button", { name: `Dismiss ${id}` }).click();
  await expect(item).toHaveCount(0);
  await context.close();

  const [team] = await trpcQuery<Array<{ id: string }>>(page, "teams.list");
  const listed = await trpcQuery<Array<{ id: string; name: string }>>(page, "integrations.list", { teamId: team?.id });
  const mine = listed.find((integration) => integration.name === name);
  await trpcMutation(page, "integrations.revoke", { teamId: team?.id, integrationId: mine?.id });
  expect((await page.request.post(url, { data: ticket })).status()).toBe(404);
});
