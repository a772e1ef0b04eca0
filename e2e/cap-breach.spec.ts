import http from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { DateTime } from "luxon";
import { trpcMutation, trpcQuery } from "./rotation-support";
import { DEMO, DEMO_PASSWORD, DEMO_ZONE, expectAccessible, screenshot, signIn, uniqueName } from "./support";

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

/** Signs up an invited person through their invitation link, ending on My work. */
async function signUp(page: Page, name: string, invitationPath: string) {
  await page.goto(invitationPath);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
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
  // A member counts only from joining, so an engineer who signs up now has no counted month to be over the cap
  // in until a working day has passed. Needs an e2e server whose clock the journey moves on (docs/server-clock.md).
  test.fixme(true, "a member who joined just now cannot breach yet: needs a movable server clock");
  test.slow();
  const receiver = await startReceiver();
  const stamp = uniqueName("breach").split(" ")[1] ?? String(Date.now());
  const managerEmail = `breach-manager-${stamp}@northwind.example`;
  const engineerEmail = `breach-engineer-${stamp}@northwind.example`;

  // An admin creates a team of its own for this journey and invites its manager and engineer.
  await signIn(page, DEMO.admin);
  const created = await trpcMutation<{ id: string }>(page, "teams.create", { name: uniqueName("Breach SRE") });
  const links = new Map<string, string>();
  for (const [name, email, roles] of [
    ["Mira Manager", managerEmail, ["manager"]],
    ["Eli Engineer", engineerEmail, ["engineer"]],
  ] as const) {
    const invited = await trpcMutation<{ path: string }>(page, "teams.invite", {
      teamId: created.id,
      name,
      email,
      timeZone: DEMO_ZONE,
      roles,
    });
    links.set(email, invited.path);
  }
  await page.context().clearCookies();

  try {
    // The manager saves the receiver's URL and sends a test.
    await signUp(page, "Mira Manager", links.get(managerEmail) ?? "/sign-up");
    await page.getByRole("link", { name: "Settings" }).click();
    const card = page.getByRole("region", { name: "Cap-breach notifications" });
    await expect(card.getByRole("button", { name: "Send test" })).toBeDisabled();
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
    await page.context().clearCookies();

    // The engineer logs full days of toil for every day of the month so far: 100%, over the 50% cap.
    const context = await browser.newContext();
    const engineer = await context.newPage();
    await signUp(engineer, "Eli Engineer", links.get(engineerEmail) ?? "/sign-up");
    const now = DateTime.now().setZone(DEMO_ZONE);
    for (let day = now.startOf("month"); day < now; day = day.plus({ days: 1 })) {
      const end = DateTime.min(day.set({ hour: 17 }), now);
      const minutes = Math.floor(end.diff(day.set({ hour: 9 }), "minutes").minutes);
      if (minutes >= 1) await logToil(engineer, `Manual failover ${day.toISODate()}`, minutes, end);
    }
    // And an hour just now, so even a month that began today on a weekend has toil in it.
    await logToil(engineer, "Restarting the batch queue by hand", 60, now);
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
    await expect.poll(() => receiver.bodies.filter((b) => b.test === false).length).toBe(1);
    expect(receiver.bodies.find((b) => b.test === false)).toMatchObject({
      type: "toilcap.cap_breach",
      cap: "toil",
      projected: false,
      engineer: { email: engineerEmail },
    });

    // Dismissed by keyboard, and it stays dismissed.
    await alert.getByRole("button", { name: "Dismiss the toil cap alert" }).focus();
    await engineer.keyboard.press("Enter");
    await expect(engineer.getByRole("region", { name: "Cap breaches" })).toHaveCount(0);
    await expect(engineer.getByText("Dismissed. Your managers still see it")).toBeVisible();
    await engineer.reload();
    await expect(engineer.getByRole("heading", { name: "Hello, Eli" })).toBeVisible();
    await expect(engineer.getByRole("region", { name: "Cap breaches" })).toHaveCount(0);
    await context.close();

    // The manager sees it on Team reports, sent and seen.
    await signIn(page, managerEmail);
    await page.getByRole("link", { name: "Team reports" }).click();
    const list = page.getByRole("region", { name: "Cap breaches this month" });
    const row = list.getByRole("row", { name: /Eli Engineer/ });
    await expect(row).toContainText("Toil");
    await expect(row).toContainText("actual");
    await expect(row).toContainText("sent");
    await expect(row).not.toContainText("not yet");
    await expectAccessible(page);
    await list.scrollIntoViewIfNeeded();
    await screenshot(page, "cap-breach-team-reports");
    expect((await trpcQuery<{ url: string | null }>(page, "breaches.getWebhook", { teamId: created.id })).url).toBe(
      receiver.url,
    );
    await trpcMutation(page, "breaches.setWebhook", { teamId: created.id, url: null });
  } finally {
    await receiver.close();
  }
});
