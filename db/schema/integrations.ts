import { relations } from "drizzle-orm";
import { bigint, index, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { person, team } from "./people";
import { rotation } from "./rotations";

export const integrationKindEnum = pgEnum("integration_kind", ["alertmanager", "ticket-webhook", "pagerduty"]);

/**
 * A webhook endpoint that captures interrupts for a team: Alertmanager pages credited to whoever held the
 * rotation when the alert fired, or tickets from a ticket system. The secret in its URL is the only credential
 * (Alertmanager cannot sign in), so only its SHA-256 is stored and the URL is shown once, at creation.
 */
export const integration = pgTable(
  "integration",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => team.id),
    // Required for Alertmanager (whose on-call person is credited); a ticket webhook may credit by assignee instead.
    rotationId: uuid("rotation_id").references(() => rotation.id),
    kind: integrationKindEnum("kind").notNull(),
    name: text("name").notNull(),
    // The first characters of the secret, shown in lists so people can tell their endpoints apart.
    prefix: text("prefix").notNull(),
    secretHash: text("secret_hash").notNull(),
    createdById: uuid("created_by_id").references(() => person.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedById: uuid("revoked_by_id").references(() => person.id),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    // PagerDuty's signing secret of the webhook subscription, pasted by a planner: kept as is, since verifying its
    // HMAC signatures needs the secret itself; never shown again or sent anywhere.
    signingSecret: text("signing_secret"),
  },
  (t) => [uniqueIndex("integration_secret_hash_uq").on(t.secretHash), index("integration_team_idx").on(t.teamId)],
);

export const integrationRelations = relations(integration, ({ one }) => ({
  team: one(team, { fields: [integration.teamId], references: [team.id] }),
  rotation: one(rotation, { fields: [integration.rotationId], references: [rotation.id] }),
}));

/**
 * How each integration's webhook requests ended, counted (a Prometheus counter's source): one row per integration
 * and outcome, incremented in place, so a flood of deliveries adds no rows. Requests with an unknown secret name
 * no integration and are not counted: they store nothing at all.
 */
export const webhookRequestCount = pgTable(
  "webhook_request_count",
  {
    integrationId: uuid("integration_id")
      .notNull()
      .references(() => integration.id),
    // accepted (something stored or changed), duplicate (a retry: nothing changed), rejected (4xx), failed (5xx).
    outcome: text("outcome").notNull(),
    count: bigint("count", { mode: "number" }).notNull().default(0),
    lastAt: timestamp("last_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.integrationId, t.outcome] })],
);

/**
 * Alerts a notification named but Toilcap could not store, counted per integration and reason, so nothing is lost
 * silently: `truncated` (the sender left them out: Alertmanager's max_alerts, its `truncatedAlerts`), `oversize`
 * (past the body or alert-count limit: the group was stored up to the limit), `invalid` (an alert that could not
 * be read; the others of its notification were stored). One row per integration and reason, incremented in place.
 */
export const webhookAlertLoss = pgTable(
  "webhook_alert_loss",
  {
    integrationId: uuid("integration_id")
      .notNull()
      .references(() => integration.id),
    reason: text("reason").notNull(),
    alerts: bigint("alerts", { mode: "number" }).notNull().default(0),
    notifications: bigint("notifications", { mode: "number" }).notNull().default(0),
    lastAt: timestamp("last_at", { withTimezone: true }).notNull().defaultNow(),
    // The group of the last notification with a loss, to find it in the sender's logs.
    lastGroupKey: text("last_group_key"),
  },
  (t) => [primaryKey({ columns: [t.integrationId, t.reason] })],
);

/**
 * Events of a webhook already handled, by the sender's event id (PagerDuty's `event.id`, Jira's webhook event id):
 * a redelivered event changes nothing.
 */
export const webhookEvent = pgTable(
  "webhook_event",
  {
    integrationId: uuid("integration_id")
      .notNull()
      .references(() => integration.id),
    eventId: text("event_id").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.integrationId, t.eventId] })],
);

/**
 * Which person a user of another system is, remembered per team: PagerDuty names people by user id and name, Jira
 * Cloud by account id (often hiding the email), never by Toilcap's email. Proposed from names and emails, kept by a
 * planner; used by the PagerDuty CSV import and the PagerDuty and Jira webhooks.
 */
export const externalUserLink = pgTable(
  "external_user_link",
  {
    teamId: uuid("team_id")
      .notNull()
      .references(() => team.id),
    // pagerduty or jira
    system: text("system").notNull(),
    externalUserId: text("external_user_id").notNull(),
    externalName: text("external_name").notNull(),
    personId: uuid("person_id")
      .notNull()
      .references(() => person.id),
    updatedById: uuid("updated_by_id").references(() => person.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    // Set when a planner says this user is nobody in the team: kept, so no import matches them again by name or
    // email, and the removal can be undone.
    removedAt: timestamp("removed_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.system, t.externalUserId] })],
);
