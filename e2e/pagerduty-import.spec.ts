import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { DateTime } from "luxon";
import { DEMO, expectAccessible, screenshot, signIn } from "./support";

// PagerDuty's incident export, column for column as it downloads (server/integrations/tickets/fixtures).
const HEADER =
  "id,incident_number,description,service_id,service_name,escalation_policy_id,escalation_policy_name,created_on,resolved_on,seconds_to_first_ack," +
  "seconds_to_resolve,auto_resolved,escalation_count,assignment_count,acknowledge_count,assigned_to_user_ids,assigned_to_user_names," +
  "acknowledged_by_user_ids,acknowledged_by_user_names,resolved_by_user_id,resolved_by_user_name,urgency";

test("a planner imports PagerDuty's incident export: people by name, the rest to whoever was on duty; a wrong link is undone in Settings", async ({
  page,
}) => {
  test.slow();
  const run = randomBytes(3).toString("hex").toUpperCase();
  const sofiaId = `PSOF${run}`;
  // Yesterday morning: a past, closed stretch of the demo's primary rotation.
  const opened = DateTime.now()
    .setZone("Europe/Berlin")
    .minus({ days: 1 })
    .set({ hour: 9, minute: 10, second: 0, millisecond: 0 });
  const at = (minutes: number) => opened.plus({ minutes }).toISO({ suppressMilliseconds: true }) ?? "";
  const rows = [
    `Q${run}A,${run}1,"HighErrorRate payments-api (${run})",PIJ90N7,payments-api,PUS0KTE,SRE Primary,${at(0)},${at(40)},95,2400,false,0,1,1,${sofiaId},Sofía Herrera,${sofiaId},Sofía Herrera,${sofiaId},Sofía Herrera,high`,
    `Q${run}B,${run}2,"Certificate expires in 7 days (${run})",PF9KMXH,cert-manager,PUS0KTE,SRE Primary,${at(60)},${at(61)},,60,true,0,1,0,,,,,,,low`,
  ];
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "toilcap-pagerduty-")), "incidents.csv");
  fs.writeFileSync(file, `${[HEADER, ...rows].join("\n")}\n`);

  await signIn(page, DEMO.planner);
  await page.goto("/settings/tickets");
  await page.getByLabel("CSV file").setInputFiles(file);
  await page
    .getByLabel(/Credit rows nobody in the file is known for/)
    .selectOption({ label: "Pager primary (primary)" });
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByText("PagerDuty's incident export, stored as pages that are incidents")).toBeVisible();
  const byName = page.getByRole("row").filter({ hasText: `Q${run}A` });
  await expect(byName).toContainText("Sofía Herrera");
  await expect(byName).toContainText("by PagerDuty name");
  const onDuty = page.getByRole("row").filter({ hasText: `Q${run}B` });
  await expect(onDuty).toContainText("on duty in the rotation");
  await expectAccessible(page);
  await screenshot(page, "pagerduty-import-preview");
  await page.getByRole("button", { name: "Import 2 incidents" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported 2" })).toBeVisible();

  // The name match is remembered as a link; the planner says this PagerDuty user is nobody here, then undoes it.
  await page.goto("/settings");
  const links = page.getByRole("region", { name: "Users of PagerDuty and Jira" });
  await expect(links.getByRole("row").filter({ hasText: sofiaId })).toBeVisible();
  await links
    .getByRole("row")
    .filter({ hasText: sofiaId })
    .getByRole("button", { name: /^Nobody here/ })
    .click();
  const toast = page.getByTestId("toast");
  await expect(toast).toContainText("is nobody in this team now");
  await expect(links.getByRole("row").filter({ hasText: sofiaId }).getByRole("combobox")).toHaveValue("");
  await toast.getByRole("button", { name: "Undo" }).click();
  await expect(toast).toContainText("is Sofía Herrera again");
  await expect(
    links
      .getByRole("row")
      .filter({ hasText: sofiaId })
      .getByRole("button", { name: /^Nobody here/ }),
  ).toBeVisible();
  await expectAccessible(page);
});
