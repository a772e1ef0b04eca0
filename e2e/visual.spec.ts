import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { CLOCK_START, SYSTEM_CHROMIUM } from "./environment";
import { CLOCK_SERVER, chartsDrawn, DEMO, signIn } from "./support";

/**
 * How the main pages look, on a phone and a desktop, against baselines in __screenshots__. They read the clock
 * server, whose demo is seeded from its fixed start, and the browser's clock is fixed there too, so the pages are
 * the same on every run. Lukas (an engineer with heavy toil) is nobody another journey writes for there; the
 * manager's report covers the weeks before the start, so an entry logged at the start by another journey is
 * outside it.
 *
 * A changed baseline is reviewed as a picture: `--update-snapshots`, then open the PNGs.
 */
test.skip(
  !SYSTEM_CHROMIUM && !process.env.CI,
  "the baselines are Debian Chromium's (/usr/bin/chromium); Playwright's own browser draws text differently",
);
test.use({ baseURL: CLOCK_SERVER });
test.describe.configure({ mode: "parallel" });

const LUKAS = "lukas@northwind.example";
const STYLE = path.join(import.meta.dirname, "visual.css");

const SIZES = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1440, height: 900 },
} as const;

/** Each page once the charts (drawn after hydration, into empty slots) are in. */
async function expectLooks(page: Page, path: string, name: string) {
  for (const [size, viewport] of Object.entries(SIZES)) {
    await page.setViewportSize(viewport);
    await page.goto(path);
    await chartsDrawn(page);
    await expect(page).toHaveScreenshot(`${name}-${size}.png`, { fullPage: true, stylePath: STYLE });
  }
}

test.beforeEach(async ({ page }) => {
  // Two pages on two sizes, each drawn until two pictures in a row agree.
  test.setTimeout(120_000);
  // What the browser computes itself (today's column, a shift still ahead) follows the server's Monday morning.
  await page.clock.setFixedTime(new Date(CLOCK_START));
});

test("an engineer's My work, Week and My share look as they did @pglite", async ({ page }) => {
  await signIn(page, LUKAS);
  await expectLooks(page, "/", "my-work");
  await expectLooks(page, "/week", "week");
  await expectLooks(page, "/share", "my-share");
});

test("a manager's team report and rotations look as they did @pglite", async ({ page }) => {
  await signIn(page, DEMO.manager);
  await expectLooks(page, "/reports?period=custom&from=2026-03-02&to=2026-03-29", "team-reports");
  await expectLooks(page, "/rotations", "rotations");
});
