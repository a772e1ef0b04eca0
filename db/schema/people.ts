import { relations, sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { user } from "./auth";

export const teamRoleEnum = pgEnum("team_role", ["engineer", "manager", "planner"]);
export const absenceKindEnum = pgEnum("absence_kind", ["leave", "holiday", "sick", "other"]);

export const organisation = pgTable("organisation", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const team = pgTable(
  "team",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisation.id),
    name: text("name").notNull(),
    // Caps are fractions of worked time (docs/accounting.md: 50% toil, 25% on call by default).
    toilCap: numeric("toil_cap", { precision: 4, scale: 3, mode: "number" }).notNull().default(0.5),
    onCallCap: numeric("on_call_cap", { precision: 4, scale: 3, mode: "number" }).notNull().default(0.25),
    // Where cap-breach notifications are POSTed as JSON; null sends none (they still show in the app).
    breachWebhookUrl: text("breach_webhook_url"),
    // The Standard Webhooks signing secret ("whsec_..."): shown to the manager once, kept to sign each delivery.
    breachWebhookSecret: text("breach_webhook_secret"),
    // The IANA zone whose calendar the team's reports, breach months and metrics count periods on.
    timeZone: text("time_zone").notNull().default("UTC"),
    // When a duty rotation is flagged as too much for one person (docs/duty-load.md): this many ended turns in a
    // row showing a sign, logged interrupt time above this share of duty time, more incidents than this per 12 h.
    overloadTurnsInARow: integer("overload_turns_in_a_row").notNull().default(2),
    overloadLoggedOverDuty: numeric("overload_logged_over_duty", { precision: 4, scale: 2, mode: "number" })
      .notNull()
      .default(1),
    overloadIncidentLimit: integer("overload_incident_limit").notNull().default(2),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("team_org_name_uq").on(t.organisationId, t.name)],
);

export const person = pgTable(
  "person",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisation.id),
    // Null until the invited person signs up; imported people may never have an account.
    userId: text("user_id")
      .unique()
      .references(() => user.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    email: text("email").notNull(),
    timeZone: text("time_zone").notNull().default("UTC"),
    // ISO weekdays, 1 = Monday .. 7 = Sunday.
    workDays: integer("work_days").array().notNull().default(sql`'{1,2,3,4,5}'::integer[]`),
    workStartMinute: integer("work_start_minute").notNull().default(540),
    workEndMinute: integer("work_end_minute").notNull().default(1020),
    isAdmin: boolean("is_admin").notNull().default(false),
    invitedById: uuid("invited_by_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    // Set by an admin: no session or API token of theirs works, and they cannot sign in, until cleared.
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("person_email_uq").on(sql`lower(${t.email})`)],
);

export const teamMember = pgTable(
  "team_member",
  {
    teamId: uuid("team_id")
      .notNull()
      .references(() => team.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => person.id),
    role: teamRoleEnum("role").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    // The membership window [memberSince, removedFrom): null since means "from the start" (members from before
    // membership had a history); a removal is soft, so clearing removedFrom undoes it.
    memberSince: timestamp("member_since", { withTimezone: true }),
    removedFrom: timestamp("removed_from", { withTimezone: true }),
    removedById: uuid("removed_by_id"),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.personId, t.role] }), index("team_member_person_idx").on(t.personId)],
);

/** Earlier windows of a membership that ended and began again: past reports keep counting the person then. */
export const pastMembership = pgTable(
  "past_membership",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => team.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => person.id),
    startsAt: timestamp("starts_at", { withTimezone: true }),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("past_membership_team_idx").on(t.teamId, t.personId)],
);

export const invitationKindEnum = pgEnum("invitation_kind", ["link", "join-request"]);

/**
 * An invitation into a team. A "link" invitation is a single-use secret for someone without an account: only the
 * SHA-256 digest of its token is stored, and it expires. A "join-request" asks a person who already has an account
 * (often a member of another team) to join; they accept it in the app, so nobody is moved without consent.
 */
export const invitation = pgTable(
  "invitation",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisation.id),
    teamId: uuid("team_id")
      .notNull()
      .references(() => team.id),
    kind: invitationKindEnum("kind").notNull().default("link"),
    // Set for a join request; a link invitation finds or creates its person when accepted.
    personId: uuid("person_id").references(() => person.id),
    email: text("email").notNull(),
    name: text("name").notNull(),
    timeZone: text("time_zone").notNull().default("UTC"),
    roles: teamRoleEnum("roles").array().notNull(),
    tokenDigest: text("token_digest"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    invitedById: uuid("invited_by_id").references(() => person.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    declinedAt: timestamp("declined_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("invitation_token_digest_uq").on(t.tokenDigest),
    index("invitation_team_idx").on(t.teamId),
    index("invitation_person_idx").on(t.personId),
  ],
);

export const absence = pgTable(
  "absence",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => person.id),
    kind: absenceKindEnum("kind").notNull().default("leave"),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [index("absence_person_idx").on(t.personId, t.startsAt)],
);

// Instance-wide settings, such as the generated auth secret, shared by every app server.
export const instanceSetting = pgTable("instance_setting", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const teamRelations = relations(team, ({ one, many }) => ({
  organisation: one(organisation, { fields: [team.organisationId], references: [organisation.id] }),
  members: many(teamMember),
}));

export const personRelations = relations(person, ({ many, one }) => ({
  memberships: many(teamMember),
  absences: many(absence),
  user: one(user, { fields: [person.userId], references: [user.id] }),
}));

export const teamMemberRelations = relations(teamMember, ({ one }) => ({
  team: one(team, { fields: [teamMember.teamId], references: [team.id] }),
  person: one(person, { fields: [teamMember.personId], references: [person.id] }),
}));

export const absenceRelations = relations(absence, ({ one }) => ({
  person: one(person, { fields: [absence.personId], references: [person.id] }),
}));
