import "server-only";
import { DateTime } from "luxon";
import type { Db } from "@/db/client";
import {
  assertValidRotation,
  reanchor,
  type Absence,
  type Interval,
  type Override,
  type RotationSpec,
} from "@/server/domain/rotations";
import type { RotationDraft } from "@/server/schemas/rotations";
import { DomainError } from "../errors";
import { getTeam } from "../people/teams";
import {
  absencesOf,
  assertParticipantsInTeam,
  overridesOf,
  peopleByIds,
  widened,
  type PersonFacts,
} from "./rotation-facts";
import {
  DRAFT_ROTATION_ID,
  findRotation,
  participantsOf,
  specOfDraft,
  specOfRow,
  type RotationRow,
} from "./rotation-rows";

export interface DraftInput {
  teamId: string;
  rotationId?: string | undefined;
  draft: RotationDraft;
  horizon: { from: Date; weeks: number };
}

/** Everything a what-if needs about an unsaved draft: the team, the saved rotation it edits (if any), its facts. */
export interface DraftContext {
  team: Awaited<ReturnType<typeof getTeam>>;
  saved: RotationRow | null;
  /** The saved rotation as it is, before the edit; null for a new one. */
  savedSpec: RotationSpec | null;
  /** The draft as it would be saved: with the anchor that keeps the turn in progress (see reanchor). */
  spec: RotationSpec;
  window: Interval;
  weeks: number;
  overrides: Override[];
  absences: Absence[];
  people: Map<string, PersonFacts>;
}

/** Leave this far beyond the horizon still rules out a turn that runs into it. */
const LEAVE_MARGIN_DAYS = 60;

/** The horizon's weeks on the rotation's wall clock, so a DST week inside it keeps its 167 or 169 hours. */
export function horizonWindow(horizon: { from: Date; weeks: number }, timeZone: string): Interval {
  const from = DateTime.fromJSDate(horizon.from, { zone: timeZone });
  return { start: from.toMillis(), end: from.plus({ weeks: horizon.weeks }).toMillis() };
}

export async function loadDraftContext(db: Db, input: DraftInput, now: Date): Promise<DraftContext> {
  const team = await getTeam(db, input.teamId);
  await assertParticipantsInTeam(db, input.teamId, input.draft.participants);
  const saved = input.rotationId ? await findRotation(db, input.teamId, input.rotationId) : null;
  const draftSpec = specOfDraft(saved?.id ?? DRAFT_ROTATION_ID, input.draft);
  try {
    assertValidRotation(draftSpec);
  } catch (error) {
    if (error instanceof RangeError)
      throw new DomainError("invalid", error.message.replace(`Rotation ${draftSpec.id}: `, ""), "draft");
    throw error;
  }
  const savedSpec = saved ? specOfRow(saved, (await participantsOf(db, [saved.id])).get(saved.id) ?? []) : null;
  const spec = { ...draftSpec, ...reanchor(savedSpec ?? draftSpec, draftSpec, now.getTime(), input.draft) };
  const window = horizonWindow(input.horizon, spec.timeZone);
  const overrides = saved ? ((await overridesOf(db, [saved.id])).get(saved.id) ?? []) : [];
  const personIds = [...spec.participants, ...overrides.map((o) => o.personId)];
  return {
    team,
    saved,
    savedSpec,
    spec,
    window,
    weeks: input.horizon.weeks,
    overrides,
    absences: await absencesOf(db, personIds, widened(window, LEAVE_MARGIN_DAYS)),
    people: await peopleByIds(db, personIds),
  };
}
