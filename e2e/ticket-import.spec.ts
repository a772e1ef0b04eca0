import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { DateTime } from "luxon";
import { DEMO, DEMO_ZONE, expectAccessible, screenshot, signIn } from "./support";

const HEADER = "ticket id,opened,resolved,assignee email,service,summary";

/** Drops a file on the drop zone as a browser would after a drag from the desktop. */
async function dropFile(page: Page, fileName: string, text: string) {
  const transfer = await page.evaluateHandle(
    ([name, contents]) => {
      const data = new DataTransfer();
      data.items.add(new File([contents], name, { type: "text/csv" }));
      return data;
    },
    [fileName, text] as const,
  );
  const zone = page.locator(".drop-zone");
  await zone.dispatchEvent("dragenter", { dataTransfer: transfer });
  await zone.dispatchEvent("drop", { dataTransfer: transfer });
}

test("a manager previews a ticket export, fixes it, imports it once, and the assignee finds the ticket in their inbox", async ({
  page,
  browser,
}) => {
  test.slow();
  const run = randomBytes(3).toString("hex").toUpperCase();
  const ids = { open: `OPS-${run}-1`, done: `OPS-${run}-2` };
  const summary = `Refund stuck in the billing queue (${run})`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "toilcap-tickets-"));
  const write = (name: string, lines: string[]) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, `${[HEADER, ...lines].join("\n")}\n`);
    return file;
  };
  // Yesterday morning on the Berlin wall clock, written without an offset as many exports do.
  const opened = DateTime.now()
    .setZone(DEMO_ZONE)
    .minus({ days: 1 })
    .set({ hour: 9, minute: 15, second: 0, millisecond: 0 });
  const local = (at: DateTime) => at.toFormat("yyyy-MM-dd HH:mm");
  const good = [
    `${ids.open},${local(opened)},,${DEMO.engineer},billing,${summary}`,
    `${ids.done},${opened.toUTC().toISO()},${opened.plus({ minutes: 45 }).toUTC().toISO()},,billing,Rotate the API keys`,
  ];
  const broken = write("tickets-broken.csv", [good[0] ?? "", `${ids.done},tomorrow-ish,,,billing,Rotate the API keys`]);
  const fixed = write("tickets.csv", good);

  await signIn(page, DEMO.manager);
  await page.goto("/settings");
  await page.getByRole("link", { name: "Import tickets" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import tickets" })).toBeVisible();
  // The zone for times without an offset is the manager's own.
  await expect(page.getByLabel("Time zone of times without an offset")).toHaveValue("Europe/Berlin");

  // A file with a bad row: the preview names its line and why, and the import is refused.
  await page.getByLabel("CSV file").setInputFiles(broken);
  await page.getByRole("button", { name: "Preview" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "errors" });
  await expect(alert).toContainText("1 row has errors, so nothing can be imported yet");
  await expect(alert).toContainText("line 3");
  const badRow = page.getByRole("row").filter({ hasText: "invalid" });
  await expect(badRow).toHaveCount(1);
  await expect(badRow).toContainText('"tomorrow-ish" is not a date and time');
  await expect(page.getByRole("button", { name: /Import 1 ticket/ })).toBeDisabled();
  await expect(page.getByText("Nothing is imported while any row has errors")).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "ticket-import-errors");

  // The corrected file: two new tickets, imported in one go.
  await page.getByLabel("CSV file").setInputFiles(fixed);
  await expect(page.getByRole("region", { name: "Preview and import" })).toHaveCount(0);
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByText("2 new, 0 already imported")).toBeVisible();
  const openRow = page.getByRole("row").filter({ hasText: ids.open });
  await expect(openRow).toContainText("new");
  // Written without an offset: read on the Berlin wall clock.
  await expect(openRow).toContainText(opened.toFormat("ccc d LLL, HH:mm"));
  await expect(openRow).toContainText("Erik Lindqvist");
  await expect(page.getByRole("heading", { name: "Preview: 2 tickets" })).toBeFocused();
  await page.getByRole("button", { name: "Import 2 tickets" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported 2 tickets" })).toBeVisible();
  await screenshot(page, "ticket-import-done");

  // The same file again: every row a duplicate, nothing to import.
  await page.getByLabel("CSV file").setInputFiles(fixed);
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByText("0 new, 2 already imported")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "duplicate" })).toHaveCount(2);
  await expect(page.getByRole("button", { name: "Nothing to import" })).toBeDisabled();

  // A later export, dropped on the page, resolves the open ticket: its resolution is recorded, nothing duplicated.
  const later = [
    HEADER,
    `${ids.open},${local(opened)},${local(opened.plus({ hours: 2, minutes: 15 }))},${DEMO.engineer},billing,${summary}`,
    good[1],
  ].join("\n");
  await dropFile(page, "tickets-later.csv", later);
  await expect(page.getByText("tickets-later.csv")).toBeVisible();
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByText("0 new, 1 to update, 1 already imported")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: ids.open })).toContainText("update");
  await page.getByRole("button", { name: "Import 1 ticket" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Imported 0 tickets and recorded 1 resolution" }),
  ).toBeVisible();
  fs.rmSync(dir, { recursive: true, force: true });

  // The assignee finds it waiting on their home page, as a ticket.
  const context = await browser.newContext();
  const erik = await context.newPage();
  await signIn(erik, DEMO.engineer);
  const inbox = erik.getByRole("region", { name: /Captured pages and tickets/ });
  const item = inbox.getByRole("form", { name: ids.open });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText(summary);
  await expect(item).toContainText("via CSV import");
  await expect(item).toContainText("resolved after 2 h 15 min");
  await expect(item.getByLabel("Time spent (minutes)")).toHaveValue("30");
  await expect(inbox.getByRole("form", { name: ids.done })).toHaveCount(0);
  await expectAccessible(erik);
  await screenshot(erik, "ticket-in-inbox");
  // Confirmed like a page: the time is logged and the ticket leaves the inbox.
  await item.getByLabel("Time spent (minutes)").fill("40");
  const [confirmed] = await Promise.all([
    erik.waitForResponse((response) => response.url().includes("/api/trpc/capture.confirm")),
    item.getByRole("button", { name: `Confirm ${ids.open}` }).click(),
  ]);
  expect(confirmed.status(), await confirmed.text()).toBe(200);
  await expect(item).toHaveCount(0);
  await context.close();
});
