import { relations } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { person, team } from "./people";

export const capKindEnum = pgEnum("cap_kind", ["toil", "on-call"]);
// pending: to be sent (or retried); sent; failed: gave up after the last attempt; none: the team has no webhook URL.
export const deliveryStatusEnum = pgEnum("delivery_status", ["pending", "sent", "failed", "none"]);

/**
 * An engineer's share crossing a team cap in one period (or projected to by the schedule): stored once per
 * engineer, cap and period, so the notification is sent and shown once, not on every request.
 */
export const capBreach = pgTable(
  "cap_breach",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => team.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => person.id),
    kind: capKindEnum("kind").notNull(),
    periodStart: timestamp("period_start", { withTimezone: true }).notNull(),
    periodEnd: timestamp("period_end", { withTimezone: true }).notNull(),
    // The share when it was detected (0..1), and the cap it crossed.
    share: numeric("share", { precision: 6, scale: 4, mode: "number" }).notNull(),
    cap: numeric("cap", { precision: 4, scale: 3, mode: "number" }).notNull(),
    // True when only the schedule's projection for the whole period crosses the cap, so far.
    projected: boolean("projected").notNull().default(false),
    detectedAt: timestamp("detected_at", { withTimezone: true }).notNull().defaultNow(),
    deliveryStatus: deliveryStatusEnum("delivery_status").notNull().default("pending"),
    deliveryAttempts: integer("delivery_attempts").notNull().default(0),
    // When delivery was queued, if later than detection (a webhook set after the breach): retries count from here.
    deliveryQueuedAt: timestamp("delivery_queued_at", { withTimezone: true }),
    deliveryError: text("delivery_error"),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    // Set when the engineer (or a manager) has seen it in the app and put it away.
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("cap_breach_once_uq").on(t.teamId, t.personId, t.kind, t.periodStart),
    index("cap_breach_team_idx").on(t.teamId, t.detectedAt),
    index("cap_breach_person_idx").on(t.personId, t.detectedAt),
  ],
);

export const capBreachRelations = relations(capBreach, ({ one }) => ({
  team: one(team, { fields: [capBreach.teamId], references: [team.id] }),
  person: one(person, { fields: [capBreach.personId], references: [person.id] }),
}));
