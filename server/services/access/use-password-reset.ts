import "server-only";
import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { account, passwordReset, person, session } from "@/db/schema";
import { recordAudit } from "../audit";
import { DomainError } from "../errors";
import { RESET_TOKEN_PATTERN, resetTokenDigest } from "./reset-link-token";

const NOT_VALID =
  "This password-reset link is not valid. Check that you copied all of it, or ask an administrator for a new one.";

type ResetRow = typeof passwordReset.$inferSelect;

/** Why a link no longer works, in words its holder can act on; null while it works. */
function closedReason(link: ResetRow, now: Date): string | null {
  if (link.usedAt)
    return "This password-reset link was already used. If that was not you, tell an administrator, and ask them for a new link.";
  if (link.revokedAt)
    return "This password-reset link was replaced by a newer one: use the newest link you were given.";
  if (link.expiresAt <= now) return "This password-reset link has expired. Ask an administrator for a new one.";
  return null;
}

/** The open link a token names, with its person; a DomainError saying why when there is none. */
async function openLink(db: Db, token: string, now: Date, lock: boolean) {
  if (!RESET_TOKEN_PATTERN.test(token)) throw new DomainError("not-found", NOT_VALID, "token");
  const query = db
    .select({
      link: passwordReset,
      personId: person.id,
      name: person.name,
      email: person.email,
      userId: person.userId,
      deactivatedAt: person.deactivatedAt,
      deletedAt: person.deletedAt,
    })
    .from(passwordReset)
    .innerJoin(person, eq(person.id, passwordReset.personId))
    .where(eq(passwordReset.tokenDigest, resetTokenDigest(token)));
  const [row] = lock ? await query.for("update", { of: passwordReset }) : await query;
  if (!row?.userId || row.deletedAt) throw new DomainError("not-found", NOT_VALID, "token");
  const reason = closedReason(row.link, now);
  if (reason) throw new DomainError("not-found", reason, "token");
  if (row.deactivatedAt)
    throw new DomainError("forbidden", "This account is deactivated: ask an administrator.", "token");
  return { linkId: row.link.id, personId: row.personId, name: row.name, email: row.email, userId: row.userId };
}

/** What the reset page may show before a password is chosen: whose account the link is for. */
export async function previewPasswordReset(db: Db, token: string, now: Date): Promise<{ name: string; email: string }> {
  const link = await openLink(db, token, now, false);
  return { name: link.name, email: link.email };
}

/**
 * Sets a new password with a reset link: the link is used up, the password replaced (or set, for someone who
 * signed in only by single sign-on so far), and every session of the person ended, all in one transaction.
 */
export async function usePasswordReset(
  db: Db,
  input: { token: string; newPassword: string },
  now: Date,
): Promise<{ email: string }> {
  await openLink(db, input.token, now, false);
  // Hashing is deliberately slow: done before the transaction, so no lock waits on it.
  const hash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    const link = await openLink(tx, input.token, now, true);
    await tx.update(passwordReset).set({ usedAt: now }).where(eq(passwordReset.id, link.linkId));
    const updated = await tx
      .update(account)
      .set({ password: hash, updatedAt: now })
      .where(and(eq(account.userId, link.userId), eq(account.providerId, "credential")))
      .returning({ id: account.id });
    if (updated.length === 0) {
      await tx.insert(account).values({
        id: randomUUID(),
        accountId: link.userId,
        providerId: "credential",
        userId: link.userId,
        password: hash,
        createdAt: now,
        updatedAt: now,
      });
    }
    const ended = await tx.delete(session).where(eq(session.userId, link.userId)).returning({ id: session.id });
    await recordAudit(tx, {
      actorPersonId: link.personId,
      action: "person.password-reset-link.use",
      entityType: "person",
      entityId: link.personId,
      after: { linkId: link.linkId, endedSessions: ended.length },
    });
    return { email: link.email };
  });
}
