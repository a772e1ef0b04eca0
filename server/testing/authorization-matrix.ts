import type { AuthorizationWorld, Persona } from "./authorization-world";

/**
 * Who may call each tRPC procedure, and what everyone else gets (the authorization matrix). Every
 * procedure of the root router must have a row: the test fails on one missing here, so a new procedure
 * cannot ship without its expected outcomes. "OK" means the call went through (for queries, it returned data);
 * a refusal is the tRPC code. Someone else's object is FORBIDDEN; NOT_FOUND is for an object that is not in
 * the state the call needs (restoring a rotation that was never removed); BAD_REQUEST for a call that is
 * allowed but makes no sense for that persona (an admin outside every team logging their own work); CONFLICT
 * for one that clashes with what is stored (a second swap request for the same shift).
 */
export type Outcome = "OK" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "BAD_REQUEST" | "CONFLICT";
export type Expectation = Record<Persona, Outcome>;

export interface MatrixRow {
  input: (world: AuthorizationWorld) => unknown;
  expect: Expectation;
}

function outcomes(
  anonymous: Outcome,
  engineerA: Outcome,
  engineerB: Outcome,
  managerA: Outcome,
  plannerA: Outcome,
  admin: Outcome,
): Expectation {
  return { anonymous, engineerA, engineerB, managerA, plannerA, admin };
}

const PUBLIC = outcomes("OK", "OK", "OK", "OK", "OK", "OK");
/** Any signed-in person, acting on their own data only (nothing of anyone else's is named in the input). */
const SIGNED_IN = outcomes("UNAUTHORIZED", "OK", "OK", "OK", "OK", "OK");
/** Own work that needs a team: an admin outside every team has none to log it in. */
const OWN_WORK = outcomes("UNAUTHORIZED", "OK", "OK", "OK", "OK", "BAD_REQUEST");
const TEAM_MEMBER = outcomes("UNAUTHORIZED", "OK", "FORBIDDEN", "OK", "OK", "OK");
const PLANNER = outcomes("UNAUTHORIZED", "FORBIDDEN", "FORBIDDEN", "OK", "OK", "OK");
const MANAGER = outcomes("UNAUTHORIZED", "FORBIDDEN", "FORBIDDEN", "OK", "FORBIDDEN", "OK");
const ADMIN = outcomes("UNAUTHORIZED", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "OK");
/** Engineer A's own object: nobody else may touch it, not even their manager or an admin. */
const ENGINEER_A_ONLY = outcomes("UNAUTHORIZED", "OK", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN");
/** Something of engineer A's that a manager may act on for them: a captured page, a cap breach. */
const CAPTURED_FOR_A = outcomes("UNAUTHORIZED", "OK", "FORBIDDEN", "OK", "FORBIDDEN", "OK");

const traits = {
  manual: true,
  repetitive: false,
  automatable: true,
  tactical: false,
  noEnduringValue: false,
  scalesLinearly: false,
};
const draft = (w: AuthorizationWorld) => ({
  name: "Ticket duty",
  role: "ticket" as const,
  timeZone: "Europe/Berlin",
  shiftUnit: "weeks" as const,
  shiftCount: 1,
  handoffWeekday: 1,
  handoffMinute: 540,
  startsOn: "2026-11-09",
  workingHoursOnly: false,
  participants: [w.personIds.engineerA, w.personIds.plannerA],
});
const horizon = (w: AuthorizationWorld) => ({ from: w.now(), weeks: 4 });

export const PROCEDURE_MATRIX: Record<string, MatrixRow> = {
  "instance.status": { input: () => undefined, expect: PUBLIC },
  "viewer.current": { input: () => undefined, expect: PUBLIC },
  "viewer.me": { input: () => undefined, expect: SIGNED_IN },

  "access.people": { input: () => undefined, expect: ADMIN },
  "access.deactivate": { input: (w) => ({ personId: w.personIds.engineerB }), expect: ADMIN },
  "access.reactivate": { input: (w) => ({ personId: w.personIds.engineerB }), expect: ADMIN },
  "access.issuePasswordReset": { input: (w) => ({ personId: w.personIds.engineerB }), expect: ADMIN },
  // The link is the credential: whoever holds an open one may see whose it is and set that password, once.
  "passwordReset.preview": { input: (w) => ({ token: w.passwordResetToken }), expect: PUBLIC },
  "passwordReset.use": {
    input: (w) => ({ token: w.passwordResetToken, newPassword: "a new long password" }),
    expect: PUBLIC,
  },
  "access.auditLog": {
    input: (w) => ({ actorPersonId: w.personIds.managerA, action: "person.", from: new Date("2026-01-01T00:00:00Z") }),
    expect: ADMIN,
  },

  "teams.list": { input: () => undefined, expect: SIGNED_IN },
  "teams.get": { input: (w) => ({ teamId: w.teamA.id }), expect: TEAM_MEMBER },
  "teams.members": { input: (w) => ({ teamId: w.teamA.id }), expect: TEAM_MEMBER },
  "teams.create": { input: () => ({ name: "Team C" }), expect: ADMIN },
  "teams.invite": {
    input: (w) => ({
      teamId: w.teamA.id,
      name: "New Person",
      email: "new.person@example.test",
      timeZone: "Europe/Berlin",
      roles: ["engineer"],
    }),
    expect: MANAGER,
  },
  "teams.invitations": { input: (w) => ({ teamId: w.teamA.id }), expect: MANAGER },
  "teams.revokeInvitation": { input: (w) => ({ teamId: w.teamA.id, invitationId: w.invitation.id }), expect: MANAGER },
  "teams.reissueInvitation": { input: (w) => ({ teamId: w.teamA.id, invitationId: w.invitation.id }), expect: MANAGER },
  "teams.removeMember": {
    input: (w) => ({ teamId: w.teamA.id, personId: w.personIds.engineerA, from: "2026-11-02" }),
    expect: MANAGER,
  },
  // Engineer A was never removed: only those who may undo a removal learn that.
  "teams.restoreMember": {
    input: (w) => ({ teamId: w.teamA.id, personId: w.personIds.engineerA }),
    expect: outcomes("UNAUTHORIZED", "FORBIDDEN", "FORBIDDEN", "NOT_FOUND", "FORBIDDEN", "NOT_FOUND"),
  },
  // The link is the secret: whoever holds it may see whom it is for.
  "invitations.preview": { input: (w) => ({ token: w.invitation.token }), expect: PUBLIC },
  "invitations.mine": { input: () => undefined, expect: SIGNED_IN },
  // A request to join team B addressed to engineer A: nobody else has it waiting for their answer.
  "invitations.respond": {
    input: (w) => ({ invitationId: w.joinRequest.id, accept: true }),
    expect: outcomes("UNAUTHORIZED", "OK", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND"),
  },
  "teams.setRoles": {
    input: (w) => ({ teamId: w.teamA.id, personId: w.personIds.engineerA, roles: ["engineer", "planner"] }),
    expect: MANAGER,
  },
  "teams.updateCaps": { input: (w) => ({ teamId: w.teamA.id, toilCap: 0.4, onCallCap: 0.2 }), expect: MANAGER },
  "teams.updateOverloadThresholds": {
    input: (w) => ({ teamId: w.teamA.id, turnsInARow: 3, loggedOverDuty: 0.9, incidentLimit: 2 }),
    expect: MANAGER,
  },
  "teams.updateTimeZone": { input: (w) => ({ teamId: w.teamA.id, timeZone: "America/New_York" }), expect: MANAGER },

  "rotations.list": { input: (w) => ({ teamId: w.teamA.id }), expect: TEAM_MEMBER },
  "rotations.get": { input: (w) => ({ teamId: w.teamA.id, rotationId: w.rotationA.id }), expect: TEAM_MEMBER },
  "rotations.dutyLoad": { input: (w) => ({ teamId: w.teamA.id, rotationId: w.rotationA.id }), expect: PLANNER },
  "rotations.proposeSecond": {
    input: (w) => ({ teamId: w.teamA.id, rotationId: w.rotationA.id }),
    expect: PLANNER,
  },
  "rotations.overloadFlags": { input: (w) => ({ teamId: w.teamA.id }), expect: PLANNER },
  "rotations.gaps": { input: (w) => ({ teamId: w.teamA.id, rotationId: w.rotationA.id }), expect: TEAM_MEMBER },
  "rotations.create": { input: (w) => ({ teamId: w.teamA.id, ...draft(w) }), expect: PLANNER },
  "rotations.update": {
    input: (w) => ({
      teamId: w.teamA.id,
      rotationId: w.rotationA.id,
      version: w.rotationA.version,
      ...draft(w),
      role: "primary",
    }),
    expect: PLANNER,
  },
  "rotations.remove": { input: (w) => ({ teamId: w.teamA.id, rotationId: w.rotationA.id }), expect: PLANNER },
  // Only removed rotations can be restored: this one is live, which only those who may restore learn.
  "rotations.restore": {
    input: (w) => ({ teamId: w.teamA.id, rotationId: w.rotationA.id }),
    expect: outcomes("UNAUTHORIZED", "FORBIDDEN", "FORBIDDEN", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND"),
  },
  "rotations.preview": {
    input: (w) => ({ teamId: w.teamA.id, draft: draft(w), horizon: horizon(w) }),
    expect: PLANNER,
  },
  "rotations.fairFill": {
    input: (w) => ({ teamId: w.teamA.id, draft: draft(w), horizon: horizon(w) }),
    expect: PLANNER,
  },
  "rotations.addOverride": {
    input: (w) => ({
      teamId: w.teamA.id,
      rotationId: w.rotationA.id,
      personId: w.personIds.plannerA,
      startsAt: new Date("2026-12-03T08:00:00Z"),
      endsAt: new Date("2026-12-03T12:00:00Z"),
    }),
    expect: PLANNER,
  },
  "rotations.addOverrides": {
    input: (w) => ({
      teamId: w.teamA.id,
      rotationId: w.rotationA.id,
      covers: [
        {
          personId: w.personIds.plannerA,
          startsAt: new Date("2026-12-04T08:00:00Z"),
          endsAt: new Date("2026-12-04T12:00:00Z"),
        },
        {
          personId: w.personIds.managerA,
          startsAt: new Date("2026-12-05T08:00:00Z"),
          endsAt: new Date("2026-12-05T12:00:00Z"),
        },
      ],
      note: "Fair fill",
    }),
    expect: PLANNER,
  },
  "rotations.removeOverride": {
    input: (w) => ({ teamId: w.teamA.id, overrideId: w.override.override.id }),
    expect: PLANNER,
  },
  "rotations.restoreOverride": {
    input: (w) => ({ teamId: w.teamA.id, overrideId: w.removedOverride.override.id }),
    expect: PLANNER,
  },
  "rotations.requestSwap": {
    input: (w) => ({
      teamId: w.teamA.id,
      rotationId: w.rotationA.id,
      counterpartId: w.personIds.plannerA,
      shiftStartsAt: w.engineerShift.startsAt,
      shiftEndsAt: w.engineerShift.endsAt,
    }),
    // Only the shift's holder may offer it (engineer A already has: a second request clashes); planner A is the
    // counterpart and cannot swap with themselves; the others hold no such shift.
    expect: outcomes("UNAUTHORIZED", "CONFLICT", "FORBIDDEN", "FORBIDDEN", "BAD_REQUEST", "FORBIDDEN"),
  },
  "rotations.respondSwap": {
    input: (w) => ({ teamId: w.teamA.id, swapId: w.swap.id, decision: "accept" }),
    // The counterpart (planner A) accepts; the requester may only cancel; others may not decide.
    expect: outcomes("UNAUTHORIZED", "FORBIDDEN", "FORBIDDEN", "OK", "OK", "OK"),
  },
  "rotations.listSwaps": { input: (w) => ({ teamId: w.teamA.id }), expect: TEAM_MEMBER },
  "rotations.schedule": {
    input: (w) => ({ teamId: w.teamA.id, from: w.now(), to: new Date("2026-12-18T00:00:00Z") }),
    expect: TEAM_MEMBER,
  },
  "rotations.onCallNow": { input: (w) => ({ teamId: w.teamA.id }), expect: TEAM_MEMBER },
  "rotations.myNextShifts": { input: () => ({ limit: 5 }), expect: SIGNED_IN },
  "rotations.calendarFeeds": { input: (w) => ({ teamId: w.teamA.id }), expect: TEAM_MEMBER },
  "rotations.resetCalendarLink": {
    input: (w) => ({ teamId: w.teamA.id, rotationId: w.rotationA.id }),
    expect: TEAM_MEMBER,
  },

  "workLog.recent": { input: () => ({ limit: 5 }), expect: SIGNED_IN },
  "workLog.week": { input: (w) => ({ at: w.now() }), expect: SIGNED_IN },
  "workLog.create": {
    input: () => ({ summary: "Cleared a stuck queue", duration: "15m", category: "toil" }),
    expect: OWN_WORK,
  },
  "workLog.update": {
    input: (w) => ({ id: w.entry.id, summary: "Restarted the exporter twice", duration: "45m", category: "toil" }),
    expect: ENGINEER_A_ONLY,
  },
  "workLog.remove": { input: (w) => ({ id: w.entry.id }), expect: ENGINEER_A_ONLY },
  // Restoring what was not removed changes nothing, and succeeds: a double-clicked Undo is not an error.
  "workLog.restore": { input: (w) => ({ id: w.entry.id }), expect: ENGINEER_A_ONLY },

  "templates.list": { input: (w) => ({ teamId: w.teamA.id }), expect: TEAM_MEMBER },
  "templates.create": {
    input: (w) => ({ teamId: w.teamA.id, name: "Renew a lease", duration: "10m", traits }),
    expect: TEAM_MEMBER,
  },
  "templates.createFromEntry": {
    input: (w) => ({ entryId: w.entry.id, name: "Exporter restart" }),
    expect: ENGINEER_A_ONLY,
  },
  "templates.logFromTemplate": { input: (w) => ({ templateId: w.template.id }), expect: TEAM_MEMBER },
  // Its author, or a manager of the team, may remove a shared template; other members may not.
  "templates.remove": {
    input: (w) => ({ id: w.template.id }),
    expect: outcomes("UNAUTHORIZED", "OK", "FORBIDDEN", "OK", "FORBIDDEN", "OK"),
  },

  "timer.current": { input: () => undefined, expect: SIGNED_IN },
  "timer.start": { input: () => ({ summary: "Investigating a flaky deploy" }), expect: OWN_WORK },
  // Nobody has a timer running in the world, so stopping or discarding one finds nothing.
  "timer.stop": {
    input: () => undefined,
    expect: outcomes("UNAUTHORIZED", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND"),
  },
  "timer.discard": { input: () => undefined, expect: SIGNED_IN },

  "interrupts.create": {
    input: (w) => ({ kind: "request", summary: "Give access to the staging cluster", openedAt: w.now() }),
    expect: OWN_WORK,
  },
  "interrupts.logTime": { input: (w) => ({ interruptId: w.ticket.id, duration: "20m" }), expect: TEAM_MEMBER },

  "share.mine": { input: () => ({ period: "week" }), expect: SIGNED_IN },
  "share.trend": { input: () => ({ weeks: 4 }), expect: SIGNED_IN },
  "share.overview": { input: () => ({ weeks: 4 }), expect: SIGNED_IN },

  "profile.get": { input: () => undefined, expect: SIGNED_IN },
  "profile.update": {
    input: () => ({ timeZone: "Europe/Berlin", workDays: [1, 2, 3, 4, 5], workStartMinute: 540, workEndMinute: 1020 }),
    expect: SIGNED_IN,
  },
  "profile.absences": { input: () => undefined, expect: SIGNED_IN },
  "profile.addAbsence": {
    input: () => ({
      kind: "holiday",
      startsAt: new Date("2026-12-25T00:00:00Z"),
      endsAt: new Date("2026-12-26T00:00:00Z"),
    }),
    expect: SIGNED_IN,
  },
  "profile.removeAbsence": { input: (w) => ({ id: w.absence.id }), expect: ENGINEER_A_ONLY },
  "profile.restoreAbsence": { input: (w) => ({ id: w.absence.id }), expect: ENGINEER_A_ONLY },

  "catalog.services": { input: (w) => ({ teamId: w.teamA.id }), expect: TEAM_MEMBER },

  "apiTokens.list": { input: () => undefined, expect: SIGNED_IN },
  "apiTokens.create": { input: () => ({ name: "another script" }), expect: SIGNED_IN },
  // Someone else's token is "no such token": a guessed id tells nothing about whether it exists.
  "apiTokens.revoke": {
    input: (w) => ({ id: w.token.token.id }),
    expect: outcomes("UNAUTHORIZED", "OK", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND"),
  },

  "workspace.export": { input: (w) => ({ teamId: w.teamA.id }), expect: ADMIN },
  "workspace.import": { input: (w) => ({ file: w.workspaceFile, teamName: "Team A copy" }), expect: ADMIN },

  "reports.teamToil": { input: (w) => ({ teamId: w.teamA.id, period: "month" }), expect: TEAM_MEMBER },
  "reports.trend": { input: (w) => ({ teamId: w.teamA.id, weeks: 8 }), expect: TEAM_MEMBER },
  "reports.interruptLoad": { input: (w) => ({ teamId: w.teamA.id, period: "month" }), expect: TEAM_MEMBER },
  "reports.onCallHours": { input: (w) => ({ teamId: w.teamA.id, period: "month" }), expect: TEAM_MEMBER },
  "reports.toilSources": {
    input: (w) => ({ teamId: w.teamA.id, period: "quarter", groupBy: "service" }),
    expect: TEAM_MEMBER,
  },
  "reports.drillDown": {
    input: (w) => ({
      teamId: w.teamA.id,
      personId: w.personIds.engineerA,
      from: new Date("2026-11-01T00:00:00Z"),
      to: w.now(),
    }),
    // An engineer may drill into their own detail only; planner A is an engineer too, but this is engineer A's.
    expect: outcomes("UNAUTHORIZED", "OK", "FORBIDDEN", "OK", "FORBIDDEN", "OK"),
  },
  // Every team of the organisation: administrators only.
  "reports.orgSummary": { input: () => ({ period: "quarter" }), expect: ADMIN },
  "reports.listEstimates": { input: (w) => ({ teamId: w.teamA.id }), expect: TEAM_MEMBER },
  "reports.saveEstimate": {
    input: (w) => ({
      teamId: w.teamA.id,
      sourceKind: "alert",
      sourceKey: "DiskFull",
      buildHours: 8,
      maintenanceHoursPerMonth: 0.5,
    }),
    expect: MANAGER,
  },
  "reports.removeEstimate": { input: (w) => ({ teamId: w.teamA.id, id: w.estimate.id }), expect: MANAGER },

  "capture.inbox": { input: () => ({ limit: 20 }), expect: SIGNED_IN },
  "capture.confirm": { input: (w) => ({ interruptId: w.captured.id, minutes: 40 }), expect: CAPTURED_FOR_A },
  "capture.dismiss": { input: (w) => ({ interruptId: w.captured.id }), expect: CAPTURED_FOR_A },
  "capture.restore": { input: (w) => ({ interruptId: w.captured.id }), expect: CAPTURED_FOR_A },

  "integrations.list": { input: (w) => ({ teamId: w.teamA.id }), expect: PLANNER },
  "integrations.create": {
    input: (w) => ({ teamId: w.teamA.id, kind: "alertmanager", name: "Staging", rotationId: w.rotationA.id }),
    expect: PLANNER,
  },
  "integrations.revoke": {
    input: (w) => ({ teamId: w.teamA.id, integrationId: w.integration.integration.id }),
    expect: PLANNER,
  },
  "integrations.userLinks": { input: (w) => ({ teamId: w.teamA.id }), expect: PLANNER },
  "integrations.linkUser": {
    input: (w) => ({
      teamId: w.teamA.id,
      system: "pagerduty",
      externalUserId: "PXPGF42",
      externalName: "Ana Ruiz",
      personId: w.personIds.engineerA,
    }),
    expect: PLANNER,
  },
  "integrations.removeUserLink": {
    input: (w) => ({ teamId: w.teamA.id, system: "pagerduty", externalUserId: w.userLink.externalUserId }),
    expect: PLANNER,
  },
  "integrations.restoreUserLink": {
    input: (w) => ({ teamId: w.teamA.id, system: "pagerduty", externalUserId: w.userLink.externalUserId }),
    expect: PLANNER,
  },
  "integrations.setSigningSecret": {
    input: (w) => ({
      teamId: w.teamA.id,
      integrationId: w.pagerduty.integration.id,
      signingSecret: "Gx8sYdG0rq6Cq1fPpkZ4rS0uHJbEwq2v",
    }),
    expect: PLANNER,
  },

  "tickets.preview": {
    input: (w) => ({
      teamId: w.teamA.id,
      csv: "ticket id,opened,resolved,assignee email,service,summary\nT-1,2026-11-16T09:00:00Z,,,billing,Quota\n",
    }),
    expect: PLANNER,
  },
  "tickets.commit": {
    input: (w) => ({
      teamId: w.teamA.id,
      csv: "ticket id,opened,resolved,assignee email,service,summary\nT-1,2026-11-16T09:00:00Z,,,billing,Quota\n",
    }),
    expect: PLANNER,
  },

  "review.week": { input: (w) => ({ teamId: w.teamA.id, to: w.now() }), expect: TEAM_MEMBER },
  // Managers and planners review anything of the team; an engineer only what paged them (engineer A's page).
  "review.save": {
    input: (w) => ({
      teamId: w.teamA.id,
      interruptId: w.captured.id,
      actionable: true,
      cause: "capacity",
      fixUrl: "https://tickets.example.test/OPS-7",
    }),
    expect: TEAM_MEMBER,
  },
  "review.silence": {
    input: (w) => ({ teamId: w.teamA.id, alertName: "DiskFull", until: "2026-12-10" }),
    expect: TEAM_MEMBER,
  },
  // Manager A's silence: an engineer may lift only their own.
  "review.liftSilence": { input: (w) => ({ teamId: w.teamA.id, silenceId: w.silence.id }), expect: PLANNER },
  "review.restoreSilence": { input: (w) => ({ teamId: w.teamA.id, silenceId: w.silence.id }), expect: PLANNER },

  "handoffs.forMe": { input: (w) => ({ teamId: w.teamA.id }), expect: TEAM_MEMBER },
  "handoffs.list": {
    input: (w) => ({ teamId: w.teamA.id, rotationId: w.rotationA.id, limit: 5 }),
    expect: TEAM_MEMBER,
  },
  // This week's holder (planner A), or a planner or manager, writes the note for the shift being handed off.
  "handoffs.save": {
    input: (w) => ({
      teamId: w.teamA.id,
      rotationId: w.rotationA.id,
      shiftStartsAt: w.currentShiftStart,
      body: "Watch the disk on db-1",
    }),
    expect: PLANNER,
  },
  // Planner A's note: its author, or a planner or manager of the team.
  "handoffs.remove": { input: (w) => ({ teamId: w.teamA.id, noteId: w.handoff.id }), expect: PLANNER },
  "handoffs.restore": { input: (w) => ({ teamId: w.teamA.id, noteId: w.handoff.id }), expect: PLANNER },

  "breaches.mine": { input: () => ({}), expect: SIGNED_IN },
  "home.teamStanding": { input: (w) => ({ teamId: w.teamA.id }), expect: MANAGER },
  "home.coverageOutlook": { input: (w) => ({ teamId: w.teamA.id }), expect: PLANNER },
  // Anyone signed in: a team they hold no role in gives only their own sections (checked in my-work.int.test.ts).
  "home.myWork": { input: (w) => ({ teamId: w.teamA.id }), expect: SIGNED_IN },
  "breaches.team": { input: (w) => ({ teamId: w.teamA.id, month: "2026-11" }), expect: MANAGER },
  // Engineer A's breach: they put it away, or a manager of the team (or an admin) does.
  "breaches.acknowledge": { input: (w) => ({ breachId: w.breach.id }), expect: CAPTURED_FOR_A },
  "breaches.getWebhook": { input: (w) => ({ teamId: w.teamA.id }), expect: MANAGER },
  "breaches.setWebhook": {
    input: (w) => ({ teamId: w.teamA.id, url: "https://hooks.example.test/toilcap" }),
    expect: MANAGER,
  },
  "breaches.rotateWebhookSecret": { input: (w) => ({ teamId: w.teamA.id }), expect: MANAGER },
  // Without a URL there is nothing to test: refused as a bad request, for managers only.
  "breaches.testWebhook": {
    input: (w) => ({ teamId: w.teamA.id }),
    expect: outcomes("UNAUTHORIZED", "FORBIDDEN", "FORBIDDEN", "BAD_REQUEST", "FORBIDDEN", "BAD_REQUEST"),
  },
};
