import { expect, test, type Browser } from "@playwright/test";
import { Duration } from "luxon";
import ical, { type VEvent } from "node-ical";
import { DEMO, expectAccessible, expectThumbTarget, PHONE, screenshot, signIn, uniqueName } from "./support";
import { mondayIn, removeRotation, seedRotation, weekCell, type SeededRotation } from "./rotation-support";

const SOFIA = "sofia@northwind.example";

/** A planner's rotation of Erik and Sofía, two weeks out: Erik holds its first week. */
async function erikAndSofia(
  browser: Browser,
  label: string,
): Promise<{ rotation: SeededRotation; firstMonday: string; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const planner = await context.newPage();
  await signIn(planner, DEMO.planner);
  const firstMonday = mondayIn(2);
  const rotation = await seedRotation(planner, uniqueName(label), ["Erik Lindqvist", "Sofía Herrera"], firstMonday);
  return {
    rotation,
    firstMonday,
    close: async () => {
      await removeRotation(planner, rotation);
      await context.close();
    },
  };
}

function eventsOf(text: string): VEvent[] {
  return Object.values(ical.sync.parseICS(text)).filter(
    (component): component is VEvent => component?.type === "VEVENT",
  );
}

/** Length of an event in milliseconds; NaN (failing every comparison) when it has no end. */
const lengthOf = (event: VEvent) => (event.end?.getTime() ?? Number.NaN) - event.start.getTime();

test("an engineer asks to swap a shift of their own and the other person accepts @postgres", async ({
  browser,
  page,
}) => {
  // Three people sign in: a long journey on a shared two-core machine.
  test.slow();
  const { rotation, firstMonday, close } = await erikAndSofia(browser, "Swap drill");
  await signIn(page, DEMO.engineer);
  await page.goto(`/rotations/${rotation.id}`);
  await expect(page.getByRole("heading", { name: rotation.name, level: 1 })).toBeVisible();
  // Only Erik's own shifts offer a swap; Sofía's weeks are read-only to him.
  await expect(weekCell(page, "Sofía Herrera", mondayIn(3), "Ask for a swap")).toHaveCount(0);

  await weekCell(page, "Erik Lindqvist", firstMonday, "Ask for a swap").click();
  const dialog = page.getByRole("dialog", { name: "Ask for a swap" });
  await expect(dialog.getByLabel("Ask")).toBeFocused();
  await dialog.getByRole("button", { name: "Ask for the swap" }).click();
  await expect(dialog.locator("#swap-counterpart-error")).toHaveText("Choose who you ask");
  await dialog.getByLabel("Ask").selectOption({ label: "Sofía Herrera" });
  await dialog.getByLabel("Note").fill("Family wedding that week");
  await expectAccessible(page);
  await screenshot(page, "swap-dialog");
  await dialog.getByRole("button", { name: "Ask for the swap" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("toast")).toContainText(
    "Swap requested: Sofía Herrera is asked to take your Primary on-call shift",
  );

  const swaps = page.getByRole("region", { name: "Swap requests" });
  await expect(swaps).toContainText("Erik Lindqvist asks Sofía Herrera");
  await expect(swaps.getByRole("button", { name: /^Withdraw/ })).toBeVisible();
  await expect(swaps.getByRole("button", { name: /^Accept/ })).toHaveCount(0);

  // Sofía sees the request on her home page and accepts it, on her phone.
  const sofiaContext = await browser.newContext({ viewport: PHONE });
  const sofia = await sofiaContext.newPage();
  await signIn(sofia, SOFIA);
  await expect(
    sofia.getByRole("region", { name: "My next shifts" }).getByRole("link", { name: /swap request.* for your answer/ }),
  ).toBeVisible();
  await sofia.goto(`/rotations/${rotation.id}`);
  const request = sofia
    .getByRole("region", { name: "Swap requests" })
    .getByRole("listitem")
    .filter({ hasText: "Family wedding that week" });
  await expect(request).toContainText("for you");
  await expectThumbTarget(request.getByRole("button", { name: /^Accept/ }), request);
  await expectThumbTarget(request.getByRole("button", { name: /^Decline/ }), request);
  await request.scrollIntoViewIfNeeded();
  await screenshot(sofia, "swap-request-for-you");
  await request.getByRole("button", { name: /^Accept/ }).click();
  await expect(sofia.getByTestId("toast")).toContainText("Swap accepted: Erik Lindqvist and Sofía Herrera");
  await expect(sofia.getByRole("region", { name: "Covers" })).toContainText("Sofía Herrera covers Erik Lindqvist");
  await expect(weekCell(sofia, "Sofía Herrera", firstMonday, "Ask for a swap")).toHaveAccessibleName(
    /, cover\. Ask for a swap$/,
  );
  await sofiaContext.close();

  // Erik's schedule follows: the week is Sofía's now, and the request reads as accepted.
  await page.reload();
  await expect(page.getByRole("region", { name: "Swap requests" })).toContainText("accepted");
  await expect(weekCell(page, "Erik Lindqvist", firstMonday, "Ask for a swap")).toHaveCount(0);
  await close();
});

test("a planner asks for a swap of her own shift, and for one on Erik's behalf @postgres", async ({ page }) => {
  // On a phone, where the dialog sits at the bottom of the screen with its actions under the thumb.
  await page.setViewportSize(PHONE);
  await signIn(page, DEMO.planner);
  const firstMonday = mondayIn(2);
  const rotation = await seedRotation(
    page,
    uniqueName("Planner swap"),
    ["Priya Raman", "Erik Lindqvist", "Sofía Herrera"],
    firstMonday,
  );
  await page.goto(`/rotations/${rotation.id}`);
  await expect(page.getByRole("heading", { name: rotation.name, level: 1 })).toBeVisible();
  // Cells still add covers; the toolbar asks for swaps.
  await expect(weekCell(page, "Priya Raman", firstMonday, "Add a cover")).toBeVisible();
  await page.getByRole("button", { name: "Ask for a swap", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Ask for a swap" });
  await expect(dialog.getByLabel("Whose shift")).toHaveValue(/.+/);
  await expect(dialog.getByLabel("Your shift")).toBeVisible();
  await dialog.getByLabel("Ask", { exact: true }).selectOption({ label: "Sofía Herrera" });
  const box = await dialog.boundingBox();
  expect((box?.y ?? 0) + (box?.height ?? 0), "the dialog's bottom edge").toBeGreaterThan(PHONE.height - 24);
  await expectThumbTarget(dialog.getByRole("button", { name: "Ask for the swap" }), dialog);
  await expectAccessible(page);
  await screenshot(page, "swap-dialog-planner");
  await dialog.getByRole("button", { name: "Ask for the swap" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("toast")).toContainText(
    "Swap requested: Sofía Herrera is asked to take your Primary on-call shift",
  );

  await page.getByRole("button", { name: "Ask for a swap", exact: true }).click();
  await dialog.getByLabel("Whose shift").selectOption({ label: "Erik Lindqvist" });
  await expect(dialog.getByLabel("Erik Lindqvist's shift")).toBeVisible();
  await dialog.getByLabel("Ask", { exact: true }).selectOption({ label: "Sofía Herrera" });
  await dialog.getByRole("button", { name: "Ask for the swap" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("toast")).toContainText(
    "Swap requested: Sofía Herrera is asked to take Erik Lindqvist's Primary on-call shift",
  );
  const swaps = page.getByRole("region", { name: "Swap requests" });
  await expect(swaps).toContainText("Priya Raman asks Sofía Herrera");
  await expect(swaps).toContainText("Erik Lindqvist asks Sofía Herrera");
  // Priya asked both: Sofía answers them, so Priya sees no Accept (she may still withdraw).
  await expect(swaps.getByRole("button", { name: /^Accept/ })).toHaveCount(0);
  await removeRotation(page, rotation);
});

test("the person asked may decline, and the one who asked may withdraw @postgres", async ({ browser, page }) => {
  test.slow();
  const { rotation, firstMonday, close } = await erikAndSofia(browser, "Decline drill");
  await signIn(page, DEMO.engineer);
  await page.goto(`/rotations/${rotation.id}`);
  for (const note of ["First try", "Second try"]) {
    await weekCell(page, "Erik Lindqvist", firstMonday, "Ask for a swap").click();
    const dialog = page.getByRole("dialog", { name: "Ask for a swap" });
    await dialog.getByLabel("Ask").selectOption({ label: "Sofía Herrera" });
    await dialog.getByLabel("Note").fill(note);
    await dialog.getByRole("button", { name: "Ask for the swap" }).click();
    if (note === "Second try") {
      // One waiting request per shift: the second is refused at the field.
      await expect(dialog.locator("#swap-shift-error")).toContainText("already waiting for an answer");
      await dialog.getByRole("button", { name: "Cancel" }).click();
    } else {
      await expect(dialog).toBeHidden();
    }
  }
  const swaps = page.getByRole("region", { name: "Swap requests" });
  await swaps.getByRole("button", { name: /^Withdraw/ }).click();
  await expect(page.getByTestId("toast")).toContainText("Swap withdrawn");
  await expect(swaps).toContainText("withdrawn");

  await weekCell(page, "Erik Lindqvist", firstMonday, "Ask for a swap").click();
  const again = page.getByRole("dialog", { name: "Ask for a swap" });
  await again.getByLabel("Ask").selectOption({ label: "Sofía Herrera" });
  await again.getByRole("button", { name: "Ask for the swap" }).click();
  await expect(again).toBeHidden();

  const sofiaContext = await browser.newContext();
  const sofia = await sofiaContext.newPage();
  await signIn(sofia, SOFIA);
  await sofia.goto(`/rotations/${rotation.id}`);
  await sofia
    .getByRole("region", { name: "Swap requests" })
    .getByRole("button", { name: /^Decline/ })
    .click();
  await expect(sofia.getByTestId("toast")).toContainText("Swap declined");
  await sofiaContext.close();

  await page.reload();
  await expect(weekCell(page, "Erik Lindqvist", firstMonday, "Ask for a swap")).toBeVisible();
  await expect(page.getByRole("region", { name: "Swap requests" })).toContainText("declined");
  await close();
});

test("home shows who is on call and my next shifts, and the calendar feeds are valid iCalendar @postgres", async ({
  page,
  request,
}) => {
  await signIn(page, DEMO.engineer);
  const onCall = page.getByRole("region", { name: "On call now" });
  await expect(onCall).toContainText("Pager primary");
  await expect(onCall).toContainText("Ticket duty");
  const next = page.getByRole("region", { name: "My next shifts" });
  await expect(next.getByRole("listitem").first()).toContainText(/\d{2}:\d{2}/);
  // The rest of My work is still there.
  await expect(page.getByRole("region", { name: "Quick actions" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Toil share this week" })).toBeVisible();

  await next.getByRole("button", { name: /Subscribe in your calendar/ }).click();
  // Another run may have made Erik's address already: either way a new one is shown once.
  await next
    .getByRole("button", { name: /^(Make calendar address|Reset link) for Subscribe in your calendar$/ })
    .click();
  const address = next.getByLabel("Subscribe in your calendar: calendar address");
  await expect(address).toHaveValue(/\/api\/calendar\/[A-Za-z0-9_-]{43}$/);
  await expectAccessible(page);
  await screenshot(page, "my-work-duty");

  // The request fixture carries no session: the secret address alone must do, as for a calendar app.
  const personal = await request.get(await address.inputValue());
  expect(personal.status()).toBe(200);
  expect(personal.headers()["content-type"]).toMatch(/^text\/calendar/);
  const mine = eventsOf(await personal.text());
  expect(mine.length).toBeGreaterThan(0);
  for (const event of mine) {
    expect(lengthOf(event)).toBeGreaterThan(0);
    expect(String(event.summary)).toMatch(/on-call|Ticket duty|Shadow/);
  }

  // Erik resets his address, as after a leak: the old one stops at once, the new one works.
  const before = await address.inputValue();
  await next.getByRole("button", { name: "Reset link for Subscribe in your calendar" }).click();
  await expect(address).not.toHaveValue(before);
  await expect(page.getByTestId("toast")).toContainText("the old one no longer works");
  expect((await request.get(before)).status()).toBe(404);
  expect((await request.get(await address.inputValue())).status()).toBe(200);
  await expect(next.getByText(/last reset/)).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "calendar-link-reset");

  await page.goto("/rotations");
  const feeds = page.getByRole("region", { name: "Calendar feeds" });
  await feeds.getByRole("button", { name: /Pager primary \(everyone's turns\)/ }).click();
  await feeds.getByRole("button", { name: /^(Make calendar address|Reset link) for Pager primary/ }).click();
  const rotationAddress = feeds.getByLabel("Pager primary (everyone's turns): calendar address");
  await expect(rotationAddress).toHaveValue(/\/api\/calendar\//);
  const feed = await request.get(await rotationAddress.inputValue());
  expect(feed.headers()["content-type"]).toMatch(/^text\/calendar/);
  const turns = eventsOf(await feed.text());
  // A weekly pager over the feed's four weeks back and 26 ahead: about thirty turns, none longer than a week (169 hours in a DST week).
  expect(turns.length).toBeGreaterThan(20);
  const week = Duration.fromObject({ days: 7, hours: 1 }).toMillis();
  expect(turns.every((event) => lengthOf(event) <= week)).toBe(true);

  const unknown = await request.get("/api/calendar/not-a-real-token-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
  expect(unknown.status()).toBe(404);
});
