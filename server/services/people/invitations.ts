import { and, asc, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { invitation, person, team } from "@/db/schema";
import type { TeamRole, Viewer } from "@/server/auth/permissions";
import { configuredOrigin } from "@/server/security/public-address";
import { mailSettings, sendInvitationMail } from "@/server/integrations/mail/invitation-mail";
import { recordAudit } from "../audit";
import { DomainError } from "../errors";
import { invitationDigest, invitationExpiry, invitationPath, newInvitationToken } from "./invitation-token";
import { invitePerson, type InviteInput, type InviteOutcome } from "./invite";

export interface PendingInvitation {
  id: string;
  kind: "link" | "join-request";
  name: string;
  email: string;
  roles: TeamRole[];
  expiresAt: Date;
  invitedBy: string | null;
}

const open = (now: Date) =>
  and(
    isNull(invitation.acceptedAt),
    isNull(invitation.declinedAt),
    isNull(invitation.revokedAt),
    gt(invitation.expiresAt, now),
  );

/** The team's invitations still waiting for an answer: for its managers and admins only (the router says so). */
export async function listPendingInvitations(db: Db, teamId: string, now: Date): Promise<PendingInvitation[]> {
  return db
    .select({
      id: invitation.id,
      kind: invitation.kind,
      name: invitation.name,
      email: invitation.email,
      roles: invitation.roles,
      expiresAt: invitation.expiresAt,
      invitedBy: person.name,
    })
    .from(invitation)
    .leftJoin(person, eq(person.id, invitation.invitedById))
    .where(and(eq(invitation.teamId, teamId), open(now)))
    .orderBy(asc(invitation.createdAt));
}

async function openInvitationOfTeam(db: Db, teamId: string, invitationId: string, now: Date) {
  const [row] = await db
    .select()
    .from(invitation)
    .where(
      and(
        eq(invitation.id, invitationId),
        eq(invitation.teamId, teamId),
        isNull(invitation.acceptedAt),
        isNull(invitation.revokedAt),
      ),
    );
  if (!row) throw new DomainError("not-found", "No such pending invitation in this team.", "invitationId");
  return { row, expired: row.expiresAt.getTime() <= now.getTime() };
}

export async function revokeInvitation(
  db: Db,
  viewer: Viewer,
  input: { teamId: string; invitationId: string },
  now: Date,
) {
  return db.transaction(async (tx) => {
    const { row } = await openInvitationOfTeam(tx, input.teamId, input.invitationId, now);
    await tx.update(invitation).set({ revokedAt: now }).where(eq(invitation.id, row.id));
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      teamId: input.teamId,
      action: "invitation.revoke",
      entityType: "invitation",
      entityId: row.id,
      before: { email: row.email, roles: row.roles },
    });
  });
}

/** A new secret link (and expiry) for a link invitation: the old link stops working. Shown once, like the first. */
export async function reissueInvitation(
  db: Db,
  viewer: Viewer,
  input: { teamId: string; invitationId: string },
  now: Date,
): Promise<InviteOutcome> {
  return db.transaction(async (tx) => {
    const { row } = await openInvitationOfTeam(tx, input.teamId, input.invitationId, now);
    if (row.kind !== "link")
      throw new DomainError("invalid", "A join request has no link to re-issue.", "invitationId");
    const { token, digest } = newInvitationToken();
    const expiresAt = invitationExpiry(now);
    await tx
      .update(invitation)
      .set({ tokenDigest: digest, expiresAt, declinedAt: null })
      .where(eq(invitation.id, row.id));
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      teamId: input.teamId,
      action: "invitation.reissue",
      entityType: "invitation",
      entityId: row.id,
      after: { expiresAt },
    });
    const [owner] = await tx.select({ name: team.name }).from(team).where(eq(team.id, row.teamId));
    return {
      outcome: "link",
      invitationId: row.id,
      email: row.email,
      name: row.name,
      teamName: owner?.name ?? "",
      path: invitationPath(token),
      expiresAt,
    };
  });
}

/** What the sign-up page may show for a link: whom it is for and which team. Unknown, used or expired: NOT_FOUND. */
export async function previewInvitation(
  db: Db,
  token: string,
  now: Date,
): Promise<{ email: string; name: string; teamName: string }> {
  const [row] = await db
    .select({ email: invitation.email, name: invitation.name, teamName: team.name })
    .from(invitation)
    .innerJoin(team, eq(team.id, invitation.teamId))
    .where(and(eq(invitation.tokenDigest, invitationDigest(token)), eq(invitation.kind, "link"), open(now)));
  if (!row)
    throw new DomainError(
      "not-found",
      "This invitation link is not valid: it was used, revoked or has expired.",
      "token",
    );
  return row;
}

export type SentInvitation = InviteOutcome & { emailed?: boolean };

/** Sends the link by email when SMTP and the public address are configured; the inviter sees the link either way. */
export async function deliverInvitation(viewer: Viewer, outcome: InviteOutcome): Promise<SentInvitation> {
  const settings = mailSettings();
  const origin = configuredOrigin();
  if (outcome.outcome !== "link" || !settings || !origin) return outcome;
  try {
    await sendInvitationMail(settings, {
      to: outcome.email,
      inviteeName: outcome.name,
      inviterName: viewer.name,
      teamName: outcome.teamName,
      link: `${origin}${outcome.path}`,
      expiresAt: outcome.expiresAt,
    });
    return { ...outcome, emailed: true };
  } catch {
    return { ...outcome, emailed: false };
  }
}

export async function inviteAndDeliver(db: Db, viewer: Viewer, input: InviteInput, now: Date): Promise<SentInvitation> {
  return deliverInvitation(viewer, await invitePerson(db, viewer, input, now));
}

export async function reissueAndDeliver(
  db: Db,
  viewer: Viewer,
  input: { teamId: string; invitationId: string },
  now: Date,
): Promise<SentInvitation> {
  return deliverInvitation(viewer, await reissueInvitation(db, viewer, input, now));
}
