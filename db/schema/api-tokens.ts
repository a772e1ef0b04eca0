import { relations } from "drizzle-orm";
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { person } from "./people";

/**
 * A personal API token for scripts (the read-only JSON API, metrics scrapes). Only a SHA-256 hash of the
 * secret is stored: a leaked database does not leak working tokens. The token acts as its owner, with the
 * owner's roles at the time of each call, so revoking a membership also narrows what the token sees.
 */
export const apiToken = pgTable(
  "api_token",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => person.id),
    name: text("name").notNull(),
    // The first characters of the secret, shown in lists so people can tell their tokens apart.
    prefix: text("prefix").notNull(),
    secretHash: text("secret_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    // Null only for tokens made before tokens expired; every new one has a lifetime.
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("api_token_secret_hash_uq").on(t.secretHash), index("api_token_person_idx").on(t.personId)],
);

export const apiTokenRelations = relations(apiToken, ({ one }) => ({
  person: one(person, { fields: [apiToken.personId], references: [person.id] }),
}));
