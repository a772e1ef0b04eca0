import { relations, sql } from "drizzle-orm";
import { date, index, numeric, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { person, team } from "./people";

/** What a toil source is grouped by in the reports: a template, a service, or a page's alert name. */
export const automationSourceKindEnum = pgEnum("automation_source_kind", ["template", "service", "alert"]);

/** A manager's estimate of what automating one toil source costs, and when it was automated. */
export const automationEstimate = pgTable(
  "automation_estimate",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => team.id),
    sourceKind: automationSourceKindEnum("source_kind").notNull(),
    // A template's or service's id, or an alert name.
    sourceKey: text("source_key").notNull(),
    buildHours: numeric("build_hours", { precision: 8, scale: 2, mode: "number" }).notNull(),
    maintenanceHoursPerMonth: numeric("maintenance_hours_per_month", { precision: 8, scale: 2, mode: "number" })
      .notNull()
      .default(0),
    // A local calendar date; null until the automation is in use.
    automatedOn: date("automated_on", { mode: "string" }),
    createdById: uuid("created_by_id").references(() => person.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedById: uuid("updated_by_id").references(() => person.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    index("automation_estimate_team_idx").on(t.teamId),
    // One live estimate per source; removed ones stay for the audit trail.
    uniqueIndex("automation_estimate_source_uq")
      .on(t.teamId, t.sourceKind, t.sourceKey)
      .where(sql`${t.deletedAt} is null`),
  ],
);

export const automationEstimateRelations = relations(automationEstimate, ({ one }) => ({
  team: one(team, { fields: [automationEstimate.teamId], references: [team.id] }),
  createdBy: one(person, { fields: [automationEstimate.createdById], references: [person.id] }),
}));
