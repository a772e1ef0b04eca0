import { expect, test } from "@playwright/test";
import { DateTime } from "luxon";
import { DEMO, DEMO_ZONE, expectAccessible, signIn, uniqueName } from "./support";
import { mondayIn, removeRotation, seedRotation } from "./rotation-support";

test("a planner limits a weekly pager to nights 20:00-08:00 and the preview's turns move to the nights", async ({
  page,
}) => {
  test.slow();
  await signIn(page, DEMO.planner);
  const monday = DateTime.fromISO(mondayIn(2), { zone: DEMO_ZONE });
  const rotation = await seedRotation(
    page,
    uniqueName("Night pager"),
    ["Erik Lindqvist", "Sofía Herrera"],
    monday.toISODate() ?? "",
  );
  const day = (date: DateTime) => date.toFormat("ccc d LLL");

  await page.goto(`/rotations/${rotation.id}`);
  const asSaved = page.getByRole("list", { name: "As saved" });
  await expect(asSaved.getByRole("listitem").first()).toContainText(
    `${day(monday)} 09:00 – ${day(monday.plus({ weeks: 1 }))} 09:00`,
  );

  const onDuty = page.getByRole("group", { name: "Duty windows", exact: true });
  await expect(onDuty.getByRole("radio", { name: "All the time" })).toBeChecked();
  await onDuty.getByRole("radio", { name: "Nights" }).check();
  await expect(onDuty).toContainText("Every night, 20:00 to 08:00 the next morning.");
  // The week's turn now holds only its nights: from Monday 20:00 to the last morning, Monday 08:00.
  const afterEdit = page.getByRole("list", { name: "After this edit" });
  await expect(afterEdit.getByRole("listitem").first()).toContainText(
    `${day(monday)} 20:00 – ${day(monday.plus({ weeks: 1 }))} 08:00`,
    { timeout: 15_000 },
  );
  await expect(page.getByText(/^Preview up to date\.$/)).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("nights-1440.png"), fullPage: true });

  // Custom windows: one row by keyboard, and an overlap is named at the row.
  await onDuty.getByRole("radio", { name: "Custom windows" }).check();
  await expect(page.getByRole("group", { name: "Window 1", exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Add a window" }).click();
  await page.getByRole("checkbox", { name: "Window 2 Monday" }).check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText(/Window 2 overlaps window 1 on Monday/).first()).toBeVisible();
  await page
    .locator(".duty-windows")
    .first()
    .screenshot({ path: test.info().outputPath("custom-windows.png") });
  await page.getByRole("button", { name: "Remove window 2" }).click();

  await onDuty.getByRole("radio", { name: "Nights" }).check();
  await page.getByLabel("Last day").fill(monday.plus({ weeks: 6 }).toISODate() ?? "");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("toast")).toContainText(`Saved "${rotation.name}" (version 2).`);
  await page.reload();
  await expect(page.getByText(/nights: every day 20:00–08:00 \(next day\)/).first()).toBeVisible();
  await expect(
    page.getByRole("group", { name: "Duty windows", exact: true }).getByRole("radio", { name: "Nights" }),
  ).toBeChecked();

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("group", { name: "Duty windows", exact: true })).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByRole("group", { name: "Duty windows", exact: true }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath("nights-390.png"), fullPage: true });

  await removeRotation(page, rotation);
});
