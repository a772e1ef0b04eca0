import { expect, test } from "@playwright/test";
import { trpcQuery } from "./rotation-support";
import { DEMO, expectAccessible, expectThumbTarget, PHONE, screenshot, signIn, uniqueName } from "./support";

interface OnCall {
  rotationId: string;
  name: string;
  role: string;
  onCall: { personId: string; name: string } | null;
}

test("the on-call engineer writes a hand-off note and whoever holds the pager next reads it on their home page", async ({
  page,
  browser,
}) => {
  test.slow();
  // The demo's rotations follow today's date: whoever holds the primary pager now hands off to the next in turn.
  await signIn(page, DEMO.planner);
  const [team] = await trpcQuery<Array<{ id: string }>>(page, "teams.list");
  if (!team) throw new Error("the planner has no team");
  const pager = (await trpcQuery<OnCall[]>(page, "rotations.onCallNow", { teamId: team.id })).find(
    (r) => r.role === "primary" && r.onCall,
  );
  if (!pager?.onCall) throw new Error("nobody holds the primary pager now");
  const members = await trpcQuery<Array<{ personId: string; name: string; email: string }>>(page, "teams.members", {
    teamId: team.id,
  });
  const emailOf = (name: string) => members.find((m) => m.name === name)?.email;
  const holderEmail = emailOf(pager.onCall.name);
  if (!holderEmail) throw new Error("the on-call engineer is not a member");

  // The hand-off is written at the change of shift, often on a phone.
  const outgoingContext = await browser.newContext({ viewport: PHONE });
  const holder = await outgoingContext.newPage();
  await signIn(holder, holderEmail);
  const card = holder.getByRole("region", { name: "Hand-off" });
  const form = card.getByRole("form", { name: `Your hand-off note for ${pager.name}` });
  await expect(form).toBeVisible();
  const heading = ((await form.getByRole("heading").textContent()) ?? "").trim();
  const next = /^To (.+?) ·/.exec(heading)?.[1];
  if (!next) throw new Error(`no next holder in "${heading}"`);
  const note = uniqueName("Kafka lag flaps after the nightly batch; OPS-77 fixes it Thursday.");
  const field = form.getByLabel("Your note");
  await field.fill("   ");
  await form.getByRole("button", { name: /Save note|Update note/ }).click();
  await expect(form.getByText("Write the note")).toBeVisible();
  await field.fill(note);
  await form.getByRole("button", { name: /Save note|Update note/ }).click();
  await expect(holder.getByTestId("toast")).toContainText(`Hand-off note saved: ${next} will see it.`);
  await expect(form.getByRole("button", { name: "Update note" })).toBeVisible();
  await expectThumbTarget(form.getByRole("button", { name: "Update note" }), form);
  await expectThumbTarget(form.getByRole("button", { name: `Remove your hand-off note for ${pager.name}` }), form);
  await expectAccessible(holder);
  await screenshot(holder, "handoff-outgoing");

  // Removing offers Undo, which brings the note back.
  await form.getByRole("button", { name: `Remove your hand-off note for ${pager.name}` }).click();
  await expect(field).toHaveValue("");
  await holder.getByTestId("toast").getByRole("button", { name: "Undo" }).click();
  await expect(field).toHaveValue(note);
  await outgoingContext.close();

  const nextEmail = emailOf(next);
  if (!nextEmail) throw new Error(`${next} is not a member`);
  const incomingContext = await browser.newContext();
  const incoming = await incomingContext.newPage();
  await signIn(incoming, nextEmail);
  const handed = incoming
    .getByRole("region", { name: "Hand-off" })
    .getByRole("article", { name: `Handed to you on ${pager.name}` });
  await expect(handed).toContainText(`From ${pager.onCall.name}`);
  await expect(handed).toContainText(note);
  await expectAccessible(incoming);
  await screenshot(incoming, "handoff-incoming");

  // The weekly review lists the week's notes too.
  await incoming.goto("/reports/review");
  await expect(incoming.getByRole("region", { name: "Hand-off notes" })).toContainText(note);
  await incomingContext.close();
});
