import AxeBuilder from "@axe-core/playwright";
import { type Cookie, expect, type Locator, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "toilcap-demo";
export const DEMO = {
  engineer: "erik@northwind.example",
  manager: "maria@northwind.example",
  planner: "priya@northwind.example",
  admin: "admin@northwind.example",
} as const;

export const EMPTY_SERVER = `http://localhost:${process.env.E2E_EMPTY_PORT ?? 3211}`;
/** The demo server whose clock starts on a Monday morning (see CLOCK_START in environment.ts). */
export const CLOCK_SERVER = `http://localhost:${process.env.E2E_CLOCK_PORT ?? 3212}`;

/**
 * The session cookies each person got from signing in on each server, kept for this worker's later journeys:
 * signing in through the form (the page, the password hash, two renders of the home page) is a good part of a
 * short journey on a 2-core machine. Each worker's first sign-in as each person still goes through the form, and
 * so do the journeys about signing in (signInWithForm, or the form itself). A journey that ends a session (sign-out,
 * a password change or reset, deactivation) does it to a person of its own, never to a demo person.
 */
const sessions = new Map<string, Cookie[]>();
const SESSION_COOKIE = /^better-auth\./;

/** This page's server, as its context's base URL resolves: the cookies of one server mean nothing to another. */
async function serverOf(page: Page): Promise<string> {
  const answer = await page.request.get("/api/auth/ok");
  return new URL(answer.url()).origin;
}

/**
 * Signs in and opens the home page, hydrated. A person signed in before on this server by this worker gets that
 * session back (unless it has ended meanwhile: then the form again).
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  const server = await serverOf(page);
  const key = `${server} ${email} ${password}`;
  const saved = sessions.get(key);
  if (saved) {
    await page.context().addCookies(saved);
    await page.goto("/");
    if (new URL(page.url()).pathname === "/") {
      await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
      // The form's way in leaves a hydrated page; a test may click a button of the shell at once.
      await page.waitForFunction(() => {
        const nav = document.querySelector('nav[aria-label="Main"]');
        return nav !== null && Object.keys(nav).some((name) => name.startsWith("__reactProps"));
      });
      return;
    }
    sessions.delete(key);
  }
  await signInWithForm(page, email, password);
  sessions.set(
    key,
    (await page.context().cookies(server)).filter((cookie) => SESSION_COOKIE.test(cookie.name)),
  );
}

/**
 * Signs in through the form whatever this worker signed in before: for journeys about signing in itself.
 */
export async function signInWithForm(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
}

/** Fails on serious or critical accessibility violations, listing them. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

/** A phone held in one hand (the sizes every page is checked at are in phone-sweep.spec.ts). */
export const PHONE = { width: 390, height: 844 } as const;

/**
 * A main action on a phone: a 44 px target (WCAG 2.5.5) at the bottom of `within` (its card, list item or
 * dialog), where the thumb of the hand holding the phone reaches.
 */
export async function expectThumbTarget(target: Locator, within: Locator) {
  const box = await target.boundingBox();
  const outer = await within.boundingBox();
  if (!box || !outer) throw new Error("the action or its card is not laid out");
  expect(box.height, "target height").toBeGreaterThanOrEqual(44);
  expect(box.width, "target width").toBeGreaterThanOrEqual(44);
  // The last row of the card: nothing below it but the card's own padding.
  expect(outer.y + outer.height - (box.y + box.height), "space under the action").toBeLessThanOrEqual(24);
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

/** A name no other test (or earlier run on the same server) uses, so parallel journeys never collide. */
export function uniqueName(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** The demo engineer's time zone; the demo roster puts Erik in Berlin. */
export const DEMO_ZONE = "Europe/Berlin";

/**
 * The toil share shown on My work for this week, as its text ("41.3%"), or while less than a working day is
 * counted, "too early to tell: 0.4 h counted".
 */
export function weekToilShare(page: Page) {
  return page.getByRole("region", { name: "Toil share this week" }).locator(".stat-value, .badge.provisional");
}

/** Opens quick log with the keyboard shortcut, from wherever focus is not in a field. */
export async function openQuickLog(page: Page) {
  await page.evaluate(() =>
    document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined,
  );
  const dialog = page.getByRole("dialog", { name: "Log toil" });
  // The shortcut works once the page has hydrated; a key pressed before that does nothing.
  await expect(async () => {
    if (!(await dialog.isVisible())) await page.keyboard.press("n");
    await expect(dialog).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await expect(dialog.getByLabel("What did you do?")).toBeFocused();
  return dialog;
}

/**
 * Waits until every chart is drawn: the charts load after hydration into slots (`data-chart-slot`), and recharts
 * draws its surface only once its container has measured itself, a frame or more after the slot fills.
 */
export async function chartsDrawn(page: Page, timeout = 15_000) {
  await page.waitForFunction(
    () =>
      Array.from(document.querySelectorAll("[data-chart-slot]")).every((slot) =>
        slot.querySelector("svg.recharts-surface"),
      ),
    undefined,
    { timeout },
  );
}
