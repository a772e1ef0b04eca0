import http from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { DateTime } from "luxon";
import { trpcMutation, trpcQuery } from "./rotation-support";
import { CLOCK_SERVER, DEMO, expectAccessible, screenshot, signIn } from "./support";

/** A webhook receiver on a free local port, recording every JSON body it is sent. */
async function startReceiver() {
  const bodies: Array<Record<string, unknown>> = [];
  const server = http.createServer((req, res) => {
    let text = "";
    req.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
    req.on("end", () => {
      bodies.push(JSON.parse(text) as Record<string, unknown>);
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (typeof address !== "object" || address === null) throw new Error("no port");
  return {
    url: `http://127.0.0.1:${address.port}/toilcap-hook`,
    bodies,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * On the clock server it is Monday 30 March 2026, 08:40 in Berlin (CLOCK_START in playwright.config.ts). The demo's
 * engineers have been members all month, so toil logged on March's working days counts toward March's share.
 */
test.use({ baseURL: CLOCK_SERVER });

/** Monday 2 to Friday 27 March 2026, the working days before the clock server's Monday. */
const MARCH_WORKDAYS = Array.from({ length: 26 }, (_, i) => DateTime.fromISO("2026-03-02").plus({ days: i }))
  .filter((day) => day.weekday <= 5)
  .map((day) => day.toISODate() ?? "");

interface Member {
  personId: string;
  name: string;
  email: string;
  timeZone: string;
  roles: string[];
}

/** workLog.create with a Date (superjson's meta tells the server `endsAt` is one). */
async function logToil(page: Page, summary: string, minutes: number, endsAt: DateTime) {
  const response = await page.request.post("/api/trpc/workLog.create", {
    data: {
      json: { summary, duration: `${minutes}m`, category: "toil", endsAt: endsAt.toUTC().toISO() },
      meta: { values: { endsAt: ["Date"] } },
    },
  });
  expect(response.ok(), await response.text()).toBe(true);
}

test("a manager points breach notifications at a webhook; an engineer over the cap sees the alert and dismisses it", async ({
  page,
  browser,
}) => {
  // Twenty days of toil are logged, then a background check is awaited: slower than most journeys.
  test.setTimeout(150_000);
  const receiver = await startReceiver();
  await signIn(page, DEMO.manager);
  const teams = await trpcQuery<Array<{ id: string; name: string }>>(page, "teams.list");
  const teamId = teams.find((team) => team.name === "Platform SRE")?.id ?? "";
  try {
    // The manager saves the receiver's URL and sends a test.
    await page.goto(`/settings?team=${teamId}`);
    const card = page.getByRole("region", { name: "Cap-breach notifications" });
    await card.getByLabel("Webhook URL").fill("ftp://not-a-web-hook");
    await card.getByRole("button", { name: "Save" }).click();
    await expect(card.getByText("Enter a URL starting with http:// or https://")).toBeVisible();
    await card.getByLabel("Webhook URL").fill(receiver.url);
    await card.getByLabel("Webhook URL").press("Enter");
    await expect(card.getByRole("button", { name: "Send test" })).toBeEnabled();
    await card.getByRole("button", { name: "Send test" }).click();
    await expect(card.getByRole("status")).toContainText("Test sent: the receiver answered HTTP 200");
    expect(receiver.bodies.map((b) => [b.type, b.test])).toEqual([["toilcap.cap_breach", true]]);
    await expectAccessible(page);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, "cap-breach-settings");

    // An engineer of the team (not one another clock journey signs in as) with no breach this month yet.
    const [members, month] = await Promise.all([
      trpcQuery<Member[]>(page, "teams.members", { teamId }),
      trpcQuery<{ breaches: Array<{ personId: string }> }>(page, "breaches.team", { teamId }),
    ]);
    const breached = new Set(month.breaches.map((b) => b.personId));
    const chosen = members.find(
      (m) =>
        m.roles.includes("engineer") &&
        !breached.has(m.personId) &&
        m.email.endsWith("@northwind.example") &&
        m.email !== DEMO.engineer &&
        m.email !== DEMO.planner,
    );
    if (!chosen) throw new Error("every demo engineer already has a breach this month");

    // They log full days of toil on every working day of the month so far: over the 50% cap.
    const context = await browser.newContext({ baseURL: CLOCK_SERVER });
    const engineer = await context.newPage();
    await signIn(engineer, chosen.email);
    for (const day of MARCH_WORKDAYS) {
      const end = DateTime.fromISO(`${day}T17:00`, { zone: chosen.timeZone });
      await logToil(engineer, `Manual failover ${day}`, 480, end);
    }
    // The check runs behind the writes (a server gathers them for a few seconds): reload until it has.
    const alert = engineer.getByRole("region", { name: "Cap breaches" }).getByRole("listitem");
    await expect(async () => {
      await engineer.reload();
      await expect(alert).toHaveCount(1, { timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await expect(alert).toContainText("Over the toil cap.");
    await expect(alert).toContainText(/Your toil share this month reached \d+%, over the team's 50% cap\./);
    await expect(alert.getByRole("link", { name: "See My share" })).toHaveAttribute("href", "/share");
    await expectAccessible(engineer);
    await screenshot(engineer, "cap-breach-home-alert");

    // The real notification went out once, naming the engineer.
    const theirs = () =>
      receiver.bodies.filter((b) => b.test === false && (b.engineer as { email?: string })?.email === chosen.email);
    await expect.poll(() => theirs().length).toBe(1);
    expect(theirs()[0]).toMatchObject({ type: "toilcap.cap_breach", cap: "toil", projected: false });

    // Dismissed by keyboard, and it stays dismissed.
    await alert.getByRole("button", { name: "Dismiss the toil cap alert" }).focus();
    await engineer.keyboard.press("Enter");
    await expect(engineer.getByRole("region", { name: "Cap breaches" })).toHaveCount(0);
    await expect(engineer.getByText("Dismissed. Your managers still see it")).toBeVisible();
    await engineer.reload();
    await expect(engineer.getByRole("heading", { name: /^Hello, / })).toBeVisible();
    await expect(engineer.getByRole("region", { name: "Cap breaches" })).toHaveCount(0);
    await context.close();

    // The manager's home lists them over the toil cap this month.
    await page.goto("/");
    const over = page
      .getByRole("region", { name: "Over the caps" })
      .getByRole("listitem")
      .filter({ hasText: chosen.name });
    await expect(over).toContainText(/toil \d+(\.\d+)?%/);
    // Team reports lists it, sent and seen.
    await page.goto(`/reports?team=${teamId}`);
    const list = page.getByRole("region", { name: "Cap breaches this month" });
    const row = list.getByRole("row", { name: new RegExp(chosen.name) });
    await expect(row).toContainText("Toil");
    await expect(row).toContainText("actual");
    await expect(row).toContainText("sent");
    await expect(row).not.toContainText("not yet");
    await list.scrollIntoViewIfNeeded();
    await screenshot(page, "cap-breach-team-reports");
  } finally {
    await trpcMutation(page, "breaches.setWebhook", { teamId, url: null });
    await receiver.close();
  }
});
