import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { DEMO, expectAccessible, screenshot, signIn, uniqueName } from "./support";

test("a manager creates an API token in Settings, a script reads the toil report with it, and revoking it locks the script out @postgres", async ({
  page,
  request,
}) => {
  await signIn(page, DEMO.manager);
  await page.getByRole("link", { name: "Settings", exact: true }).click();
  const tokens = page.getByRole("region", { name: "API tokens" });
  await expect(tokens).toBeVisible();

  await tokens.getByRole("button", { name: "Create token" }).click();
  await expect(tokens.getByText("Name the token")).toBeVisible();
  const name = uniqueName("Grafana export");
  await tokens.getByLabel("Token name").fill(name);
  await tokens.getByRole("button", { name: "Create token" }).click();
  const secretField = tokens.getByLabel("Your new token");
  await expect(secretField).toHaveValue(/^tc_[A-Za-z0-9_-]{43}$/);
  const secret = await secretField.inputValue();
  const row = tokens.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText(`${secret.slice(0, 9)}…`);
  await expect(row).toContainText("Never");
  await expectAccessible(page);
  await screenshot(page, "settings-api-tokens");

  const teamId = await tokens.getByTestId("team-id").innerText();
  const to = new Date();
  const from = new Date(to.getTime() - 28 * 86_400_000);
  const url = `/api/v1/reports/toil?${new URLSearchParams({ team: teamId, from: from.toISOString(), to: to.toISOString() })}`;
  // `request` shares no cookies with the page: only the token authenticates.
  const answer = await request.get(url, { headers: { authorization: `Bearer ${secret}` } });
  expect(answer.status()).toBe(200);
  const report = (await answer.json()) as {
    team: { name: string };
    engineers: Array<{
      name: string;
      hours: {
        scheduled: number;
        duty: number;
        logged: number;
        afterHours: number;
        operational: number;
        worked: number;
      };
      toilShare: number;
      onCallShare: number;
    }>;
    totals: { toilShare: number };
  };
  expect(report.team.name).toBe("Platform SRE");
  expect(report.engineers.map((e) => e.name)).toContain("Erik Lindqvist");
  for (const engineer of report.engineers) {
    expect(engineer.hours.worked).toBeGreaterThan(0);
    expect(engineer.hours.operational).toBeCloseTo(
      engineer.hours.duty + engineer.hours.logged + engineer.hours.afterHours,
      9,
    );
    expect(engineer.toilShare).toBeCloseTo(engineer.hours.operational / engineer.hours.worked, 9);
  }
  expect((await request.get(url)).status()).toBe(401);

  await tokens.getByRole("button", { name: "Done" }).click();
  await expect(secretField).toHaveCount(0);
  await page.reload();
  await expect(row).not.toContainText("Never");
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  const dialog = page.getByRole("dialog", { name: "Revoke token?" });
  await expect(dialog).toContainText(name);
  await dialog.getByRole("button", { name: "Revoke token" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("toast")).toContainText(`Token “${name}” revoked.`);
  await expect(row).toHaveCount(0);

  const refused = await request.get(url, { headers: { authorization: `Bearer ${secret}` } });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["www-authenticate"]).toContain('error="invalid_token"');
});

test("an admin downloads a team as a workspace file; a broken file is refused with its problems listed @postgres", async ({
  page,
}, testInfo) => {
  await signIn(page, DEMO.admin);
  await page.goto("/settings");
  const transfer = page.getByRole("region", { name: "Move a team between instances" });
  const downloading = page.waitForEvent("download");
  await transfer.getByRole("button", { name: /^Download / }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^toilcap-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(fs.readFileSync(await download.path(), "utf8")) as {
    format: string;
    version: number;
    people: Array<{ timeZone: string }>;
  };
  expect(file).toMatchObject({ format: "toilcap-workspace", version: 1 });
  expect(file.people.length).toBeGreaterThan(0);

  const first = file.people[0];
  if (first) first.timeZone = "Mars/Olympus";
  const broken = testInfo.outputPath("broken-workspace.json");
  fs.writeFileSync(broken, JSON.stringify(file));
  await transfer.getByLabel("Workspace file").setInputFiles(broken);
  await transfer.getByLabel("Name of the new team").fill(uniqueName("Imported"));
  await transfer.getByRole("button", { name: "Import" }).click();
  await expect(transfer.getByRole("alert")).toContainText('people[0].timeZone: Unknown time zone "Mars/Olympus"');
  await expectAccessible(page);
  await screenshot(page, "settings-workspace-admin");
});
