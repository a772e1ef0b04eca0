import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { DateTime } from "luxon";
import { DEMO_ZONE } from "./support";

/**
 * Seeding for the rotation journeys, through the same tRPC endpoint the browser uses (superjson's `{ json }`
 * envelope; nothing here sends dates). The page's request context carries its signed-in session.
 */
async function unwrap<T>(response: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<T> {
  expect(response.ok(), await response.text()).toBe(true);
  const body = (await response.json()) as { result: { data: { json: T } } };
  return body.result.data.json;
}

export async function trpcQuery<T>(page: Page, path: string, input?: unknown): Promise<T> {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  return unwrap<T>(await page.request.get(`/api/trpc/${path}${query}`));
}

export async function trpcMutation<T>(page: Page, path: string, input: unknown): Promise<T> {
  return unwrap<T>(await page.request.post(`/api/trpc/${path}`, { data: { json: input } }));
}

export interface SeededRotation {
  id: string;
  teamId: string;
  name: string;
}

/** Monday `weeks` weeks after this one: far enough ahead that no share of the current week moves. */
export function mondayIn(weeks: number): string {
  return DateTime.now().setZone(DEMO_ZONE).startOf("week").plus({ weeks }).toISODate() ?? "";
}

/** A weekly primary rotation of the demo team with these people (by name), starting `startsOn`; needs a planner's page. */
export async function seedRotation(
  page: Page,
  name: string,
  people: string[],
  startsOn: string,
): Promise<SeededRotation> {
  const [team] = await trpcQuery<Array<{ id: string }>>(page, "teams.list");
  if (!team) throw new Error("the planner has no team");
  const members = await trpcQuery<Array<{ personId: string; name: string }>>(page, "teams.members", {
    teamId: team.id,
  });
  const participants = people.map((person) => {
    const member = members.find((m) => m.name === person);
    if (!member) throw new Error(`${person} is not in the demo team`);
    return member.personId;
  });
  const created = await trpcMutation<{ id: string }>(page, "rotations.create", {
    teamId: team.id,
    name,
    role: "primary",
    timeZone: DEMO_ZONE,
    shiftUnit: "weeks",
    shiftCount: 1,
    handoffWeekday: 1,
    handoffMinute: 9 * 60,
    startsOn,
    workingHoursOnly: false,
    participants,
  });
  return { id: created.id, teamId: team.id, name };
}

/** Soft-deletes a journey's rotation so the demo team's pages stay readable for the next run. */
export async function removeRotation(page: Page, rotation: SeededRotation): Promise<void> {
  await trpcMutation(page, "rotations.remove", { teamId: rotation.teamId, rotationId: rotation.id });
}

/** The grid cell button of `person` in the week starting on the Monday `isoDate` (its accessible name says all). */
export function weekCell(page: Page, person: string, monday: string, action: "Add a cover" | "Ask for a swap") {
  const label = DateTime.fromISO(monday, { zone: DEMO_ZONE }).toFormat("ccc d LLL");
  return page.getByRole("button", { name: new RegExp(`^${person}, week of ${label}: .*\\. ${action}$`) });
}
