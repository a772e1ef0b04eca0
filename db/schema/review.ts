import { relations } from "drizzle-orm";
import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { person, team } from "./people";
import { rotation } from "./rotations";

/**
 * "Silence an interrupt whose root-cause fix is scheduled" (docs/accounting.md): until `until`, new pages of this alert
 * name in the team are still stored and counted, but skip the capture inbox. Lifting it is a soft delete.
 */
export const alertSilence = pgTable(
  "alert_silence",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => team.id),
    alertName: text("alert_name").notNull(),
    until: timestamp("until", { withTimezone: true }).notNull(),
    fixUrl: text("fix_url"),
    reason: text("reason"),
    createdById: uuid("created_by_id").references(() => person.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [index("alert_silence_team_alert_idx").on(t.teamId, t.alertName, t.until)],
);

/** A note from one on-call shift to the next: what is still burning, what to watch. */
export const handoffNote = pgTable(
  "handoff_note",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => team.id),
    rotationId: uuid("rotation_id")
      .notNull()
      .references(() => rotation.id),
    // The shift the note hands off from: written by (or for) its holder, read by whoever holds the next one.
    shiftStartsAt: timestamp("shift_starts_at", { withTimezone: true }).notNull(),
    shiftEndsAt: timestamp("shift_ends_at", { withTimezone: true }).notNull(),
    authorId: uuid("author_id")
      .notNull()
      .references(() => person.id),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [index("handoff_note_rotation_idx").on(t.rotationId, t.shiftEndsAt)],
);

export const alertSilenceRelations = relations(alertSilence, ({ one }) => ({
  team: one(team, { fields: [alertSilence.teamId], references: [team.id] }),
}));

export const handoffNoteRelations = relations(handoffNote, ({ one }) => ({
  rotation: one(rotation, { fields: [handoffNote.rotationId], references: [rotation.id] }),
  author: one(person, { fields: [handoffNote.authorId], references: [person.id] }),
}));
