import { expect, test, type Page } from "@playwright/test";
import { startOidcProvider, type TestIdentity, type TestOidcProvider } from "../server/testing/oidc-provider";
import { trpcMutation, trpcQuery } from "./rotation-support";
import { DEMO, DEMO_ZONE, expectAccessible, signIn, uniqueName } from "./support";
import { OIDC_CLIENT, OIDC_NAME, OIDC_PORT } from "./sso-support";

const stamp = uniqueName("sso").split(" ")[1] ?? String(Date.now());
const invited: TestIdentity = {
  login: "ines",
  email: `ines-${stamp}@northwind.example`,
  emailVerified: true,
  name: "Ines Invited",
};
const unverified: TestIdentity = {
  login: "uma",
  email: `uma-${stamp}@northwind.example`,
  emailVerified: false,
  name: "Uma Unverified",
};
const stranger: TestIdentity = {
  login: "nick",
  email: `nick-${stamp}@northwind.example`,
  emailVerified: true,
  name: "Nick Notinvited",
};
const outsider: TestIdentity = {
  login: "olga",
  email: `olga-${stamp}@elsewhere.example`,
  emailVerified: true,
  name: "Olga Otherdomain",
};
const erik: TestIdentity = { login: "erik", email: DEMO.engineer, emailVerified: true, name: "Erik" };
const revoked: TestIdentity = {
  login: "rita",
  email: `rita-${stamp}@northwind.example`,
  emailVerified: true,
  name: "Rita Revoked",
};

let provider: TestOidcProvider;

test.beforeAll(async ({ baseURL }) => {
  provider = await startOidcProvider(
    OIDC_PORT,
    { ...OIDC_CLIENT, redirectUri: `${baseURL ?? ""}/api/auth/callback/oidc` },
    [invited, unverified, stranger, outsider, erik, revoked],
  );
});
test.afterAll(async () => provider?.close());
// Three sign-ins through two servers' pages each: more than the default 30 s on a busy machine.
test.beforeEach(() => test.slow());

/** From Toilcap's sign-in page through the provider's login form, as `who`. */
async function signInWithSso(page: Page, who: TestIdentity) {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: `Sign in with ${OIDC_NAME}` }).click();
  await page.waitForURL(new RegExp(`^http://127\\.0\\.0\\.1:${OIDC_PORT}/`));
  await page.locator('input[name="login"]').fill(who.login);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  // Consent is given by the provider itself; a consent page, should one show, is accepted.
  const consent = page.getByRole("button", { name: "Continue" });
  await page.waitForURL((url) => url.port !== String(OIDC_PORT) || url.pathname.includes("interaction"), {
    timeout: 10_000,
  });
  if (new URL(page.url()).port === String(OIDC_PORT) && (await consent.isVisible())) await consent.click();
  await page.waitForURL((url) => url.port !== String(OIDC_PORT));
}

async function expectRefused(page: Page, reason: RegExp) {
  await expect(page).toHaveURL(/\/sign-in\?/);
  await expect(page.getByRole("alert").filter({ hasText: reason })).toBeVisible();
  expect(await trpcQuery<unknown>(page, "viewer.current")).toBeNull();
}

test("an invited person signs in with single sign-on and lands on My work; the next time too", async ({ page }) => {
  await signIn(page, DEMO.admin);
  const created = await trpcMutation<{ id: string }>(page, "teams.create", { name: uniqueName("SSO SRE") });
  await trpcMutation(page, "teams.invite", {
    teamId: created.id,
    name: invited.name,
    email: invited.email,
    timeZone: DEMO_ZONE,
    roles: ["engineer"],
  });
  await page.context().clearCookies();

  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: `Sign in with ${OIDC_NAME}` })).toBeVisible();
  await expectAccessible(page);
  await signInWithSso(page, invited);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  const me = await trpcQuery<{ email: string; memberships: Array<{ teamId: string }> }>(page, "viewer.me");
  expect(me.email.toLowerCase()).toBe(invited.email.toLowerCase());
  expect(me.memberships.map((m) => m.teamId)).toContain(created.id);

  await page.context().clearCookies();
  await signInWithSso(page, invited);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
});

test("someone with an account already is signed in to it by single sign-on", async ({ page }) => {
  await signInWithSso(page, erik);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  expect((await trpcQuery<{ email: string }>(page, "viewer.me")).email).toBe(DEMO.engineer);
});

test("an email of a domain not allowed is refused", async ({ page }) => {
  await signInWithSso(page, outsider);
  await expectRefused(page, /not open to that email address's domain/);
});

test("a person nobody invited is refused, and no account is made for them", async ({ page }) => {
  await signInWithSso(page, stranger);
  await expectRefused(page, /nobody with that email address has been invited/);
  // Had an account been made, a second try would sign in; it is refused the same way.
  await page.context().clearCookies();
  await signInWithSso(page, stranger);
  await expectRefused(page, /nobody with that email address has been invited/);
});

test("an invited email the provider has not verified is refused", async ({ page }) => {
  await signIn(page, DEMO.admin);
  const created = await trpcMutation<{ id: string }>(page, "teams.create", { name: uniqueName("SSO unverified") });
  await trpcMutation(page, "teams.invite", {
    teamId: created.id,
    name: unverified.name,
    email: unverified.email,
    timeZone: DEMO_ZONE,
    roles: ["engineer"],
  });
  await page.context().clearCookies();
  await signInWithSso(page, unverified);
  await expectRefused(page, /has not verified that email address/);
});

test("a member an admin deactivated is refused by single sign-on", async ({ page }) => {
  await signIn(page, DEMO.admin);
  const created = await trpcMutation<{ id: string }>(page, "teams.create", { name: uniqueName("SSO revoked") });
  await trpcMutation(page, "teams.invite", {
    teamId: created.id,
    name: revoked.name,
    email: revoked.email,
    timeZone: DEMO_ZONE,
    roles: ["engineer"],
  });
  await page.context().clearCookies();
  await signInWithSso(page, revoked);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();

  await page.context().clearCookies();
  await signIn(page, DEMO.admin);
  const people = await trpcQuery<Array<{ personId: string; email: string }>>(page, "access.people");
  const rita = people.find((p) => p.email.toLowerCase() === revoked.email.toLowerCase());
  if (!rita) throw new Error("Rita is not among the people");
  await trpcMutation(page, "access.deactivate", { personId: rita.personId });
  await page.context().clearCookies();

  await signInWithSso(page, revoked);
  await expectRefused(page, /this account is deactivated/);
  await expectAccessible(page);
});
