import { date, integer, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { person } from "./people";

/**
 * One engineer's accounting time (rules 1-4, docs/accounting.md) over one UTC day that had ended when it was
 * computed, in whole milliseconds. Every figure is the measure of a set of instants clipped to the day, so days add
 * up exactly to any period they tile; the organisation summary sums them instead of recomputing history. Filled by
 * the sweep (never by a read); database triggers (migration 0012) delete the days a write touches in its own
 * transaction, so a row present is always what a recomputation would give.
 */
export const personDayFigures = pgTable(
  "person_day_figures",
  {
    personId: uuid("person_id")
      .notNull()
      .references(() => person.id, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    scheduledMs: integer("scheduled_ms").notNull(),
    dutyMs: integer("duty_ms").notNull(),
    onCallDutyMs: integer("on_call_duty_ms").notNull(),
    loggedMs: integer("logged_ms").notNull(),
    afterHoursMs: integer("after_hours_ms").notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.day] })],
);
