import { relations, sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  index,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { integration } from "./integrations";
import { alertSilence } from "./review";
import { person, team } from "./people";

export const interruptKindEnum = pgEnum("interrupt_kind", ["page", "ticket", "request"]);
export const severityEnum = pgEnum("severity", ["critical", "high", "medium", "low", "info"]);
// Captured interrupts wait for their engineer: confirmed (time logged) or dismissed (not worth logging).
export const captureStatusEnum = pgEnum("capture_status", ["captured", "confirmed", "dismissed"]);

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
    // Set on interrupts an integration captured (Alertmanager, ticket webhook); null for ones logged by hand.
    integrationId: uuid("integration_id").references(() => integration.id),
    // Alertmanager's identity of an alert (a hash of its labels); with openedAt (its startsAt) one firing of it.
    alertFingerprint: text("alert_fingerprint"),
    // Alertmanager's group: alerts notified together.
    groupKey: text("group_key"),
    // The first page of its alert group's episode; pages of one incident share it (the head points at itself).
    incidentId: uuid("incident_id").references((): AnyPgColumn => interrupt.id),
    captureStatus: captureStatusEnum("capture_status"),
    captureDecidedById: uuid("capture_decided_by_id").references(() => person.id),
    captureDecidedAt: timestamp("capture_decided_at", { withTimezone: true }),
    // The weekly interrupt review: why it happened (a tag from a fixed list), the root-cause fix, who reviewed it.
    cause: text("cause"),
    fixUrl: text("fix_url"),
    reviewedById: uuid("reviewed_by_id").references(() => person.id),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    // The silence that covered this page when it was captured: it skipped the inbox, its fix being scheduled.
    silenceId: uuid("silence_id").references((): AnyPgColumn => alertSilence.id),
  },
  (t) => [
    index("interrupt_team_opened_idx").on(t.teamId, t.openedAt),
    index("interrupt_assignee_opened_idx").on(t.assigneeId, t.openedAt),
    // Retried deliveries of the same external event must not create it twice.
    uniqueIndex("interrupt_external_uq").on(t.teamId, t.source, t.externalId).where(sql`${t.externalId} is not null`),
    // Alertmanager retries and repeats notifications: one firing of an alert is stored once per team.
    // Not partial, so `on conflict` can name it; rows without a fingerprint never clash (nulls are distinct).
    uniqueIndex("interrupt_alert_uq").on(t.teamId, t.alertFingerprint, t.openedAt),
    index("interrupt_group_idx").on(t.teamId, t.groupKey).where(sql`${t.groupKey} is not null`),
    index("interrupt_capture_inbox_idx").on(t.assigneeId, t.openedAt).where(sql`${t.captureStatus} = 'captured'`),
  ],
);

export const interruptRelations = relations(interrupt, ({ one }) => ({
  team: one(team, { fields: [interrupt.teamId], references: [team.id] }),
  assignee: one(person, { fields: [interrupt.assigneeId], references: [person.id] }),
  integration: one(integration, { fields: [interrupt.integrationId], references: [integration.id] }),
}));
