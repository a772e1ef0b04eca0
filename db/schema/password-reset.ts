import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { person } from "./people";

/**
 * A password-reset link an admin issued for a person: single use and expiring, only the SHA-256 of its token kept.
 * Issuing a new link revokes the person's older open ones.
 */
export const passwordReset = pgTable(
  "password_reset",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => person.id),
    tokenDigest: text("token_digest").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    issuedById: uuid("issued_by_id").references(() => person.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("password_reset_person_idx").on(t.personId)],
);
