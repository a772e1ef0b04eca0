import { relations } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { person, team } from "./people";

export const rotationRoleEnum = pgEnum("rotation_role", ["primary", "secondary", "ticket", "shadow"]);
export const shiftUnitEnum = pgEnum("shift_unit", ["hours", "days", "weeks", "months"]);
export const swapStatusEnum = pgEnum("swap_status", ["pending", "accepted", "declined", "cancelled"]);

/** One weekly duty window as stored: ISO weekdays it starts on, minutes after local midnight; end <= start crosses midnight. */
export interface StoredDutyWindow {
  days: number[];
  startMinute: number;
  endMinute: number;
}

export const rotation = pgTable(
  "rotation",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => team.id),
    name: text("name").notNull(),
    role: rotationRoleEnum("role").notNull(),
    // Hand-offs follow this zone's wall clock (docs/accounting.md).
    timeZone: text("time_zone").notNull(),
    shiftUnit: shiftUnitEnum("shift_unit").notNull().default("weeks"),
    shiftCount: integer("shift_count").notNull().default(1),
    handoffWeekday: integer("handoff_weekday").notNull().default(1),
    handoffMinute: integer("handoff_minute").notNull().default(540),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    // When set, duty is held only inside these weekly windows of the zone's wall clock (docs/duty-load.md); null is
    // all the time. Rows from before duty windows keep working hours in the four working_* columns until backfilled.
    dutyWindows: jsonb("duty_windows").$type<StoredDutyWindow[]>(),
    // Duty stops on this local date at the hand-off time; null: no end.
    endsOn: date("ends_on", { mode: "string" }),
    workingHoursOnly: boolean("working_hours_only").notNull().default(false),
    workingDays: integer("working_days").array(),
    workingStartMinute: integer("working_start_minute"),
    workingEndMinute: integer("working_end_minute"),
    // Optimistic concurrency: a save must name the version it edited.
    version: integer("version").notNull().default(1),
    // The turn in progress at anchor_at goes to participant anchor_index; set when participants change so an
    // edit never moves the shift in progress. Null: turn n goes to participant n mod count.
    anchorAt: timestamp("anchor_at", { withTimezone: true }),
    anchorIndex: integer("anchor_index"),
    // Shifts before this instant are frozen in shift_record; later ones are expanded from the current settings.
    recordedUntil: timestamp("recorded_until", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [index("rotation_team_idx").on(t.teamId)],
);

export const rotationParticipant = pgTable(
  "rotation_participant",
  {
    rotationId: uuid("rotation_id")
      .notNull()
      .references(() => rotation.id),
    position: integer("position").notNull(),
    personId: uuid("person_id")
      .notNull()
      .references(() => person.id),
  },
  // By person: which rotations someone takes turns in (their shifts, for reports and their own schedule).
  (t) => [primaryKey({ columns: [t.rotationId, t.position] }), index("rotation_participant_person_idx").on(t.personId)],
);

export const rotationOverride = pgTable(
  "rotation_override",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    rotationId: uuid("rotation_id")
      .notNull()
      .references(() => rotation.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => person.id),
    replacesPersonId: uuid("replaces_person_id").references(() => person.id),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    note: text("note"),
    createdById: uuid("created_by_id").references(() => person.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    index("rotation_override_rotation_idx").on(t.rotationId, t.startsAt),
    // The covers someone holds, for their shifts in reports.
    index("rotation_override_person_idx").on(t.personId, t.startsAt),
  ],
);

export const swapRequest = pgTable(
  "swap_request",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    rotationId: uuid("rotation_id")
      .notNull()
      .references(() => rotation.id),
    requesterId: uuid("requester_id")
      .notNull()
      .references(() => person.id),
    counterpartId: uuid("counterpart_id")
      .notNull()
      .references(() => person.id),
    shiftStartsAt: timestamp("shift_starts_at", { withTimezone: true }).notNull(),
    shiftEndsAt: timestamp("shift_ends_at", { withTimezone: true }).notNull(),
    // The counterpart's shift the requester takes in return; null for a plain "please take my shift".
    returnStartsAt: timestamp("return_starts_at", { withTimezone: true }),
    returnEndsAt: timestamp("return_ends_at", { withTimezone: true }),
    note: text("note"),
    // Who asked: the requester, or a planner or manager asking on the requester's behalf. The person who asked
    // may not also answer for the person asked (null on rows from before this column: the requester asked).
    askedById: uuid("asked_by_id").references(() => person.id),
    status: swapStatusEnum("status").notNull().default("pending"),
    decidedById: uuid("decided_by_id").references(() => person.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("swap_request_rotation_idx").on(t.rotationId, t.status)],
);

/**
 * A person's secret calendar feed of their own shifts in every team. The token is random and shown once; only its
 * SHA-256 is kept. Resetting replaces the hash, so the old address stops working at once. Rows from before feeds
 * were random keep the hash of the address derived from the instance secret, which works until the first reset.
 */
export const personCalendarFeed = pgTable("person_calendar_feed", {
  personId: uuid("person_id")
    .primaryKey()
    .references(() => person.id),
  tokenHash: text("token_hash").notNull().unique(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  resetAt: timestamp("reset_at", { withTimezone: true }),
});

/**
 * A person's own secret feed of one rotation of their team: each member holds their own address, so one member
 * resetting theirs breaks nobody else's, and it stops working when they leave the team or are deactivated.
 */
export const rotationCalendarFeed = pgTable(
  "rotation_calendar_feed",
  {
    personId: uuid("person_id")
      .notNull()
      .references(() => person.id),
    rotationId: uuid("rotation_id")
      .notNull()
      .references(() => rotation.id),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    resetAt: timestamp("reset_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.personId, t.rotationId] })],
);

// Shifts that have happened, frozen so later edits to a rotation never rewrite history.
export const shiftRecord = pgTable(
  "shift_record",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    rotationId: uuid("rotation_id")
      .notNull()
      .references(() => rotation.id),
    teamId: uuid("team_id")
      .notNull()
      .references(() => team.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => person.id),
    role: rotationRoleEnum("role").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("shift_record_person_idx").on(t.personId, t.startsAt),
    index("shift_record_team_idx").on(t.teamId, t.startsAt),
    // A rotation's history in a window (its schedule, who was on call when an alert fired), and where it ends.
    index("shift_record_rotation_idx").on(t.rotationId, t.startsAt),
  ],
);

/** One turn of a run behind an overload flag, as recorded. */
export interface RecordedOverloadTurn {
  personId: string;
  startsAt: string;
  endsAt: string;
}

// A duty rotation flagged as more than one person can take (docs/duty-load.md), once per rotation and the ended turn
// that completed the run, so flags can be reviewed later. Written by writes and the periodic sweep, never by reads.
export const rotationOverload = pgTable(
  "rotation_overload",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => team.id),
    rotationId: uuid("rotation_id")
      .notNull()
      .references(() => rotation.id),
    turnStartsAt: timestamp("turn_starts_at", { withTimezone: true }).notNull(),
    turnEndsAt: timestamp("turn_ends_at", { withTimezone: true }).notNull(),
    reasons: jsonb("reasons").$type<string[]>().notNull(),
    turns: jsonb("turns").$type<RecordedOverloadTurn[]>().notNull(),
    thresholds: jsonb("thresholds")
      .$type<{ turnsInARow: number; loggedOverDuty: number; incidentLimit: number }>()
      .notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("rotation_overload_turn_uq").on(t.rotationId, t.turnStartsAt),
    index("rotation_overload_team_idx").on(t.teamId, t.turnEndsAt),
  ],
);

export const rotationRelations = relations(rotation, ({ one, many }) => ({
  team: one(team, { fields: [rotation.teamId], references: [team.id] }),
  participants: many(rotationParticipant),
  overrides: many(rotationOverride),
}));

export const rotationParticipantRelations = relations(rotationParticipant, ({ one }) => ({
  rotation: one(rotation, { fields: [rotationParticipant.rotationId], references: [rotation.id] }),
  person: one(person, { fields: [rotationParticipant.personId], references: [person.id] }),
}));

export const rotationOverrideRelations = relations(rotationOverride, ({ one }) => ({
  rotation: one(rotation, { fields: [rotationOverride.rotationId], references: [rotation.id] }),
}));
