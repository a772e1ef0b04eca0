import { DateTime } from "luxon";
import type { rotation, rotationOverride, rotationParticipant, shiftRecord } from "@/db/schema";
import { DEMO_ZONE } from "./calendar";
import { personOf, type DemoContext } from "./context";
import {
  HANDOFF_MINUTE,
  PAGER_ORDER,
  SECONDARY_OFFSET,
  TICKET_HOURS,
  TICKET_ORDER,
  type DutyRole,
  type PlannedShift,
} from "./duty-plan";
import type { PlannedOverride } from "./override-plan";

export interface RotationRows {
  rotations: Array<typeof rotation.$inferInsert>;
  participants: Array<typeof rotationParticipant.$inferInsert>;
  overrides: Array<typeof rotationOverride.$inferInsert>;
  shifts: Array<typeof shiftRecord.$inferInsert>;
}

const ROTATIONS: Array<{ role: DutyRole; name: string; order: string[] }> = [
  { role: "primary", name: "Pager primary", order: PAGER_ORDER },
  {
    role: "secondary",
    name: "Pager secondary",
    order: [...PAGER_ORDER.slice(SECONDARY_OFFSET), ...PAGER_ORDER.slice(0, SECONDARY_OFFSET)],
  },
  { role: "ticket", name: "Ticket duty", order: TICKET_ORDER },
];

/** Rotations as configured, and the turns that have ended written down as shift records. */
export function buildRotationRows(
  context: DemoContext,
  held: readonly PlannedShift[],
  override: PlannedOverride,
): RotationRows {
  const { window, setupAt } = context;
  const teamId = context.teamIds.platform;
  const ids = new Map(ROTATIONS.map((r) => [r.role, context.newId()]));
  const idOf = (role: DutyRole) => {
    const id = ids.get(role);
    if (!id) throw new Error(`no ${role} rotation`);
    return id;
  };
  const planner = personOf(context, "priya");
  const finished = held.filter((s) => s.end <= window.nowMs);
  // Records stop at the last finished turn; from there the app expands the rotation, the current turn included.
  const recordedUntil = (role: DutyRole) => {
    const ends = finished.filter((s) => s.role === role).map((s) => s.end);
    return ends.length > 0 ? new Date(Math.max(...ends)) : null;
  };
  const rotations = ROTATIONS.map((r) => ({
    id: idOf(r.role),
    teamId,
    name: r.name,
    role: r.role,
    timeZone: DEMO_ZONE,
    shiftUnit: r.role === "ticket" ? ("days" as const) : ("weeks" as const),
    shiftCount: 1,
    handoffWeekday: 1,
    handoffMinute: HANDOFF_MINUTE,
    startsOn: window.firstMonday.toFormat("yyyy-MM-dd"),
    dutyWindows:
      r.role === "ticket"
        ? [{ days: [...TICKET_HOURS.days], startMinute: TICKET_HOURS.startMinute, endMinute: TICKET_HOURS.endMinute }]
        : null,
    version: 1,
    recordedUntil: recordedUntil(r.role),
    createdAt: setupAt,
    updatedAt: setupAt,
  }));
  const participants = ROTATIONS.flatMap((r) =>
    r.order.map((key, position) => ({ rotationId: idOf(r.role), position, personId: personOf(context, key).id })),
  );
  const overrides = [
    {
      rotationId: idOf("primary"),
      personId: personOf(context, override.personKey).id,
      replacesPersonId: personOf(context, override.replacesKey).id,
      startsAt: new Date(override.start),
      endsAt: new Date(override.end),
      note: override.note,
      createdById: planner.id,
      // Arranged a week and a bit ahead.
      createdAt: DateTime.fromMillis(override.start, { zone: DEMO_ZONE }).minus({ days: 9 }).toJSDate(),
    },
  ];
  // Only finished turns are history; the current ones are still the rotation's to expand.
  const shifts = finished.map((s) => ({
    rotationId: idOf(s.role),
    teamId,
    personId: personOf(context, s.personKey).id,
    role: s.role,
    startsAt: new Date(s.start),
    endsAt: new Date(s.end),
    createdAt: new Date(s.end),
  }));
  return { rotations, participants, overrides, shifts };
}
