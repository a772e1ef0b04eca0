import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { chartsDrawn, DEMO, screenshot, signIn } from "./support";

/**
 * Every page of the app, as each demo role, on a phone (390x844) and a desktop (1440x900): no page wider than the
 * screen, no serious or critical axe violation (colour contrast: see contrastChecked), no console error. One test
 * per role, signed in once: each page loads once on the phone, is checked, then the viewport widens to the desktop
 * and it is checked again (the layout is CSS and the charts follow their container's width, so a resize shows what
 * a desktop load shows).
 */
const PAGES = [
  "/",
  "/week",
  "/share",
  "/profile",
  "/reports",
  "/reports/trend",
  "/reports/sources",
  "/reports/interrupts",
  "/reports/review",
  "/reports/org",
  "/rotations",
  "/rotations/new",
  "/settings",
  "/settings/access",
  "/settings/audit",
  "/settings/tickets",
] as const;

/** Pages whose look on both sizes is kept as screenshots for review (the manager sees the most on them). */
const SCREENS: Record<string, string> = {
  "/": "my-work",
  "/reports": "team-reports",
  "/rotations": "rotations",
  "/reports/trend": "trend",
};

const SIZES = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1440, height: 900 },
} as const;

test.describe.configure({ mode: "parallel" });

/** How much wider than the screen the page is (0 when it fits), once the charts have drawn. */
async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** Two frames: the resize observers have fired and React has drawn what they asked for. */
async function nextFrames(page: Page) {
  await page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
}

/**
 * Colour contrast is most of axe's time, and colours change with the width only where the phone layout recolours
 * (the menu, muted notes): the phone pass checks every page's contrast, the desktop pass the home's (the sidebar
 * and what only the desktop colours), and every other rule on every page at both sizes.
 */
function contrastChecked(path: string, size: keyof typeof SIZES): boolean {
  return size === "phone" || path === "/";
}

async function checkSize(page: Page, path: string, size: keyof typeof SIZES, role: string) {
  const shot = SCREENS[path];
  // Every role's home differs (its sections by role); the other pages are kept as the manager sees them.
  if (path === "/") await screenshot(page, `home-${role}-${size}`);
  else if (role === "manager" && shot) await screenshot(page, `sweep-${size}-${shot}`);
  // Soft, so one run lists every page that needs work, not only the first.
  expect.soft(await overflow(page), `${path} on a ${size} is wider than the screen by`).toBeLessThanOrEqual(0);
  // Only violations are wanted: axe then skips describing every passing node, a good part of its time.
  const axe = new AxeBuilder({ page }).options({ resultTypes: ["violations"] });
  if (!contrastChecked(path, size)) axe.disableRules(["color-contrast"]);
  const { violations } = await axe.analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect
    .soft(
      serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
      `${path} axe on a ${size}`,
    )
    .toEqual([]);
}

/** One load of the page on the phone, checked there and again once the window is desktop-wide. */
async function sweepPage(page: Page, path: string, role: string) {
  await test.step(path, async () => {
    await page.setViewportSize(SIZES.phone);
    const response = await page.goto(path);
    expect(response?.status(), `${path} answers`).toBeLessThan(400);
    await chartsDrawn(page);
    await checkSize(page, path, "phone", role);
    await page.setViewportSize(SIZES.desktop);
    await nextFrames(page);
    await checkSize(page, path, "desktop", role);
  });
}

/** A page reached by following the first link of another (a rotation, a person's drill-down). */
async function sweepLinked(page: Page, from: string, linkHref: RegExp) {
  await page.goto(from);
  const href = await page
    .locator("main a[href]")
    .evaluateAll(
      (links, pattern) => links.map((a) => a.getAttribute("href") ?? "").find((h) => new RegExp(pattern).test(h)),
      linkHref.source,
    );
  if (href) await sweepPage(page, href, "linked");
}

/** On a phone the navigation sits behind one button; choosing a page closes it again. */
async function openMenu(page: Page) {
  const nav = page.getByRole("navigation", { name: "Main" });
  const menu = nav.getByRole("button", { name: "Menu" });
  await expect(nav.getByRole("link", { name: "Team reports", exact: true })).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await nav.getByRole("link", { name: "Team reports", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Team reports", exact: true })).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
}

for (const [role, email] of Object.entries(DEMO)) {
  test(`every page fits, passes axe and logs no error for the ${role} on a phone and a desktop`, async ({ page }) => {
    test.setTimeout(360_000);
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`${page.url()}: ${message.text()} ${message.location().url}`);
    });
    page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
    await page.setViewportSize(SIZES.phone);
    await signIn(page, email);
    await openMenu(page);
    for (const path of PAGES) await sweepPage(page, path, role);
    await sweepLinked(page, "/rotations", /^\/rotations\/(?!new)[^/?]+/);
    await sweepLinked(page, "/reports", /^\/reports\/drill\?/);
    expect(errors).toEqual([]);
  });
}
