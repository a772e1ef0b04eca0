import { and, asc, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { externalUserLink, person, teamMember } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import type { linkUserInput, userLinkKeyInput } from "@/server/schemas/integrations";
import { recordAudit } from "../audit";
import { DomainError } from "../errors";

export type LinkUserInput = z.output<typeof linkUserInput>;
export type UserLinkKey = z.output<typeof userLinkKeyInput>;

export interface UserLinkView {
  system: string;
  externalUserId: string;
  externalName: string;
  personId: string;
  personName: string;
  updatedAt: Date;
  /** When a planner said this user is nobody in the team; null while the link holds. */
  removedAt: Date | null;
}

/** The team's links from PagerDuty users and Jira accounts to its people. */
export async function listUserLinks(db: Db, teamId: string): Promise<UserLinkView[]> {
  return db
    .select({
      system: externalUserLink.system,
      externalUserId: externalUserLink.externalUserId,
      externalName: externalUserLink.externalName,
      personId: externalUserLink.personId,
      personName: person.name,
      updatedAt: externalUserLink.updatedAt,
      removedAt: externalUserLink.removedAt,
    })
    .from(externalUserLink)
    .innerJoin(person, eq(person.id, externalUserLink.personId))
    .where(eq(externalUserLink.teamId, teamId))
    .orderBy(asc(externalUserLink.system), asc(externalUserLink.externalName), asc(externalUserLink.externalUserId));
}

/** Links a user of another system to a member of the team, replacing the link it had; later captures follow it. */
export async function linkUser(db: Db, viewer: Viewer, input: LinkUserInput, now: Date): Promise<UserLinkView> {
  return db.transaction(async (tx) => {
    const [member] = await tx
      .select({ id: person.id, name: person.name })
      .from(teamMember)
      .innerJoin(person, eq(person.id, teamMember.personId))
      .where(
        and(eq(teamMember.teamId, input.teamId), eq(teamMember.personId, input.personId), isNull(person.deletedAt)),
      );
    if (!member) throw new DomainError("invalid", "That person is not a member of this team.", "personId");
    const key = and(
      eq(externalUserLink.teamId, input.teamId),
      eq(externalUserLink.system, input.system),
      eq(externalUserLink.externalUserId, input.externalUserId),
    );
    const [before] = await tx.select().from(externalUserLink).where(key).for("update");
    const values = {
      externalName: input.externalName,
      personId: member.id,
      updatedById: viewer.personId,
      updatedAt: now,
      removedAt: null,
    };
    await tx
      .insert(externalUserLink)
      .values({ teamId: input.teamId, system: input.system, externalUserId: input.externalUserId, ...values })
      .onConflictDoUpdate({
        target: [externalUserLink.teamId, externalUserLink.system, externalUserLink.externalUserId],
        set: values,
      });
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      teamId: input.teamId,
      action: "integration.user-link",
      entityType: "team",
      entityId: input.teamId,
      before: before
        ? { system: before.system, externalUserId: before.externalUserId, personId: before.personId }
        : null,
      after: { system: input.system, externalUserId: input.externalUserId, personId: member.id },
    });
    return {
      system: input.system,
      externalUserId: input.externalUserId,
      externalName: input.externalName,
      personId: member.id,
      personName: member.name,
      updatedAt: now,
      removedAt: null,
    };
  });
}

/**
 * Says a user of another system is nobody in this team (or, with `removed: false`, undoes that): the link is kept
 * with its person, so nothing they captured is credited by it and no import links them again by name or email.
 */
export async function setUserLinkRemoved(
  db: Db,
  viewer: Viewer,
  input: UserLinkKey,
  removed: boolean,
  now: Date,
): Promise<UserLinkView> {
  return db.transaction(async (tx) => {
    const key = and(
      eq(externalUserLink.teamId, input.teamId),
      eq(externalUserLink.system, input.system),
      eq(externalUserLink.externalUserId, input.externalUserId),
    );
    const [before] = await tx.select().from(externalUserLink).where(key).for("update");
    if (!before) throw new DomainError("not-found", "This team has no link for that user.", "externalUserId");
    const removedAt = removed ? (before.removedAt ?? now) : null;
    await tx.update(externalUserLink).set({ removedAt, updatedById: viewer.personId, updatedAt: now }).where(key);
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      teamId: input.teamId,
      action: removed ? "integration.user-link-removed" : "integration.user-link-restored",
      entityType: "team",
      entityId: input.teamId,
      before: {
        system: before.system,
        externalUserId: before.externalUserId,
        personId: before.personId,
        removed: before.removedAt !== null,
      },
      after: { system: before.system, externalUserId: before.externalUserId, personId: before.personId, removed },
    });
    const [holder] = await tx.select({ name: person.name }).from(person).where(eq(person.id, before.personId));
    return {
      system: before.system,
      externalUserId: before.externalUserId,
      externalName: before.externalName,
      personId: before.personId,
      personName: holder?.name ?? "",
      updatedAt: now,
      removedAt,
    };
  });
}
