import { relations, sql } from "drizzle-orm";
import { boolean, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { interrupt } from "./interrupts";
import { person, team } from "./people";

export const entryCategoryEnum = pgEnum("entry_category", ["toil", "overhead"]);
export const entrySourceEnum = pgEnum("entry_source", ["manual", "timer", "template", "capture", "import"]);

// The six traits of toil (docs/accounting.md); the more a task has, the more it is toil.
const toilTraits = {
  manual: boolean("manual").notNull().default(false),
  repetitive: boolean("repetitive").notNull().default(false),
  automatable: boolean("automatable").notNull().default(false),
  tactical: boolean("tactical").notNull().default(false),
  noEnduringValue: boolean("no_enduring_value").notNull().default(false),
  scalesLinearly: boolean("scales_linearly").notNull().default(false),
};

export const service = pgTable(
  "service",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => team.id),
    name: text("name").notNull(),
    ...toilTraits,
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("service_team_name_uq").on(t.teamId, t.name)],
);

export const toilTemplate = pgTable(
  "toil_template",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => team.id),
    name: text("name").notNull(),
    serviceId: uuid("service_id").references(() => service.id),
    defaultMinutes: integer("default_minutes").notNull(),
    category: entryCategoryEnum("category").notNull().default("toil"),
    ...toilTraits,
    createdById: uuid("created_by_id").references(() => person.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [index("toil_template_team_idx").on(t.teamId)],
);

export const workEntry = pgTable(
  "work_entry",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => person.id),
    teamId: uuid("team_id")
      .notNull()
      .references(() => team.id),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    minutes: integer("minutes").notNull(),
    category: entryCategoryEnum("category").notNull(),
    ...toilTraits,
    serviceId: uuid("service_id").references(() => service.id),
    summary: text("summary").notNull(),
    link: text("link"),
    interruptId: uuid("interrupt_id").references(() => interrupt.id),
    templateId: uuid("template_id").references(() => toilTemplate.id),
    source: entrySourceEnum("source").notNull().default("manual"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    index("work_entry_person_start_idx").on(t.personId, t.startsAt).where(sql`${t.deletedAt} is null`),
    index("work_entry_team_start_idx").on(t.teamId, t.startsAt).where(sql`${t.deletedAt} is null`),
    index("work_entry_interrupt_idx").on(t.interruptId),
  ],
);

// One running timer per person, kept in the database so it survives reloads and server restarts.
export const runningTimer = pgTable("running_timer", {
  personId: uuid("person_id")
    .primaryKey()
    .references(() => person.id),
  teamId: uuid("team_id")
    .notNull()
    .references(() => team.id),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
  summary: text("summary").notNull(),
  serviceId: uuid("service_id").references(() => service.id),
  templateId: uuid("template_id").references(() => toilTemplate.id),
  interruptId: uuid("interrupt_id").references(() => interrupt.id),
});

export const workEntryRelations = relations(workEntry, ({ one }) => ({
  person: one(person, { fields: [workEntry.personId], references: [person.id] }),
  team: one(team, { fields: [workEntry.teamId], references: [team.id] }),
  service: one(service, { fields: [workEntry.serviceId], references: [service.id] }),
  interrupt: one(interrupt, { fields: [workEntry.interruptId], references: [interrupt.id] }),
  template: one(toilTemplate, { fields: [workEntry.templateId], references: [toilTemplate.id] }),
}));
