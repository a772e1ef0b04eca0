import { relations, sql } from "drizzle-orm";
import { boolean, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { person, team } from "./people";

export const interruptKindEnum = pgEnum("interrupt_kind", ["page", "ticket", "request"]);
export const severityEnum = pgEnum("severity", ["critical", "high", "medium", "low", "info"]);

export const interrupt = pgTable(
  "interrupt",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => team.id),
    kind: interruptKindEnum("kind").notNull(),
    // Where it came from: manual, alertmanager, pagerduty, csv, webhook.
    source: text("source").notNull().default("manual"),
    externalId: text("external_id"),
    alertName: text("alert_name"),
    service: text("service"),
    severity: severityEnum("severity").notNull().default("medium"),
    summary: text("summary").notNull(),
    isIncident: boolean("is_incident").notNull().default(false),
    // Null until someone reviews it.
    actionable: boolean("actionable"),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    assigneeId: uuid("assignee_id").references(() => person.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    index("interrupt_team_opened_idx").on(t.teamId, t.openedAt),
    index("interrupt_assignee_opened_idx").on(t.assigneeId, t.openedAt),
    // Retried deliveries of the same external event must not create it twice.
    uniqueIndex("interrupt_external_uq")
      .on(t.teamId, t.source, t.externalId)
      .where(sql`${t.externalId} is not null`),
  ],
);

export const interruptRelations = relations(interrupt, ({ one }) => ({
  team: one(team, { fields: [interrupt.teamId], references: [team.id] }),
  assignee: one(person, { fields: [interrupt.assigneeId], references: [person.id] }),
}));
