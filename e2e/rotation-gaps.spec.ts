import { expect, test } from "@playwright/test";
import { DateTime } from "luxon";
import { DEMO, DEMO_ZONE, expectAccessible, signIn, uniqueName } from "./support";
import { mondayIn, removeRotation, seedRotation } from "./rotation-support";

test("a rotation whose first day is a Thursday shows the days nobody holds, and fair fill covers them", async ({
  page,
}) => {
  test.slow();
  await signIn(page, DEMO.planner);
  // Next week's Thursday, with Monday 09:00 hand-offs: nobody is on duty until the Monday after.
  const monday = DateTime.fromISO(mondayIn(1), { zone: DEMO_ZONE });
  const thursday = monday.plus({ days: 3 });
  const rotation = await seedRotation(
    page,
    uniqueName("Thursday pager"),
    ["Erik Lindqvist", "Sofía Herrera", "Grace Thompson"],
    thursday.toISODate() ?? "",
  );
  const gapText = `${thursday.toFormat("ccc d LLL")} 09:00 – ${monday.plus({ weeks: 1 }).toFormat("ccc d LLL")} 09:00`;

  await page.goto(`/rotations/${rotation.id}`);
  const pageGaps = page.getByRole("list", { name: /^Nobody on duty in the next 8 weeks/ });
  await expect(pageGaps.getByRole("listitem")).toHaveText([`Nobody on duty ${gapText}`]);

  // The what-if lists the same stretch and scores it below 100.
  const previewGaps = page.getByRole("list", { name: /^Nobody on duty \(1\)/ });
  await expect(previewGaps).toContainText(gapText);
  await expect(page.getByRole("status").filter({ hasText: "Preview up to date." })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Propose a fair fill" }).click();
  await expect(
    page
      .getByRole("table", { name: "Turns the fair fill hands to someone else" })
      .getByRole("row", { name: /fills a gap/ }),
  ).toBeVisible();
  await page.getByRole("button", { name: /^Apply \d+ changes? as covers$/ }).click();
  await expect(page.getByTestId("toast")).toContainText("Fair fill applied");

  await page.reload();
  await expect(page.getByRole("heading", { name: /^Nobody on duty in the next 8 weeks \(0\)/ })).toBeVisible();
  await removeRotation(page, rotation);
});
