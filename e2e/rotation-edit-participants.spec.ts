import { expect, test } from "@playwright/test";
import { DEMO, expectAccessible, signIn, uniqueName } from "./support";
import { mondayIn, removeRotation, seedRotation } from "./rotation-support";

const PEOPLE = ["Erik Lindqvist", "Sofía Herrera", "Grace Thompson"];

test("a planner removes someone who is not on duty: the shift in progress stays with its holder", async ({ page }) => {
  test.slow();
  await signIn(page, DEMO.planner);
  // Started three weeks ago by the real clock, so a turn is in progress whatever day the journey runs.
  const rotation = await seedRotation(page, uniqueName("Stable pager"), PEOPLE, mondayIn(-3));
  await page.goto(`/rotations/${rotation.id}`);
  await expect(page.getByRole("heading", { name: rotation.name, level: 1 })).toBeVisible();

  // Who holds the turn in progress, as the editor's preview shows it from the app's own clock.
  const asSaved = page.getByRole("list", { name: "As saved" });
  await expect(asSaved.getByRole("listitem").first()).toBeVisible();
  const firstTurn = (await asSaved.getByRole("listitem").first().textContent()) ?? "";
  const holder = PEOPLE.find((person) => firstTurn.includes(person));
  expect(holder, `the turn in progress names one of ${PEOPLE.join(", ")}`).toBeDefined();
  const removed = PEOPLE.find((person) => person !== holder) ?? "";

  await page.getByRole("button", { name: `Remove ${removed}` }).click();
  const afterEdit = page.getByRole("list", { name: "After this edit" });
  await expect(afterEdit.getByRole("listitem").first()).toContainText(holder ?? "?");
  await expect(afterEdit).not.toContainText(removed);
  await expect(page.getByText(/^Preview up to date\.$/)).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("toast")).toContainText(`Saved "${rotation.name}" (version 2).`);
  // Saved: the turn in progress is still the same person's, and the removed person has no turn ahead.
  await page.reload();
  await expect(asSaved.getByRole("listitem").first()).toContainText(holder ?? "?");
  await expect(asSaved).not.toContainText(removed);

  await removeRotation(page, rotation);
});
