import fs from "node:fs";

/**
 * Debian's Chromium when present (CI, this machine); otherwise Playwright's own browser runs (a laptop). The
 * visual baselines are drawn by the former: fonts and anti-aliasing differ between the two.
 */
export const SYSTEM_CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((file) => fs.existsSync(file));

/** The clock server's start: Monday 30 March 2026, 08:40 in Berlin, the first working day of summer time. */
export const CLOCK_START = "2026-03-30T08:40:00+02:00";
