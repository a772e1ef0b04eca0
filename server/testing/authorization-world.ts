import type { Db } from "@/db/client";
import { capBreach, interrupt, invitation } from "@/db/schema";
import { callerAs, makeOrganisation, makePerson, makeTeam } from "./fixtures";
import { NO_TRAITS, makeService } from "./work-log-fixtures";

/**
 * The organisation the authorization matrix runs in: two teams of one organisation and the six personas,
 * with one of each kind of object in team A, created through the procedures as real users would.
 */
export const PERSONAS = ["anonymous", "engineerA", "engineerB", "managerA", "plannerA", "admin"] as const;
export type Persona = (typeof PERSONAS)[number];

/** Wednesday 18 November 2026, 10:00 UTC: inside the rotation's second week. */
export const MATRIX_NOW = new Date("2026-11-18T10:00:00Z");

function required<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`authorization world: no ${what}`);
  return value;
}

export async function buildAuthorizationWorld(db: Db) {
  const now = () => MATRIX_NOW;
  const org = await makeOrganisation(db, "Matrix Org");
  const teamA = await makeTeam(db, org.id, "Team A");
  const teamB = await makeTeam(db, org.id, "Team B");
  const engineerA = await makePerson(db, org.id, {
    name: "Engineer A",
    teams: [{ teamId: teamA.id, roles: ["engineer"] }],
  });
  const engineerB = await makePerson(db, org.id, {
    name: "Engineer B",
    teams: [{ teamId: teamB.id, roles: ["engineer"] }],
  });
  const managerA = await makePerson(db, org.id, {
    name: "Manager A",
    teams: [{ teamId: teamA.id, roles: ["manager"] }],
  });
  const plannerA = await makePerson(db, org.id, {
    name: "Planner A",
    teams: [{ teamId: teamA.id, roles: ["engineer", "planner"] }],
  });
  const admin = await makePerson(db, org.id, { name: "Admin", isAdmin: true });
  const personIds: Record<Exclude<Persona, "anonymous">, string> = {
    engineerA: engineerA.id,
    engineerB: engineerB.id,
    managerA: managerA.id,
    plannerA: plannerA.id,
    admin: admin.id,
  };

  const asEngineerA = await callerAs(db, engineerA.id, now);
  const asPlannerA = await callerAs(db, plannerA.id, now);
  const asManagerA = await callerAs(db, managerA.id, now);
  const asAdmin = await callerAs(db, admin.id, now);

  const serviceA = await makeService(db, teamA.id, "billing", { manual: true });
  const rotationA = await asPlannerA.rotations.create({
    teamId: teamA.id,
    name: "Pager primary",
    role: "primary",
    timeZone: "Europe/Berlin",
    shiftUnit: "weeks",
    shiftCount: 1,
    handoffWeekday: 1,
    handoffMinute: 9 * 60,
    startsOn: "2026-11-09",
    workingHoursOnly: false,
    participants: [engineerA.id, plannerA.id],
  });
  const override = await asPlannerA.rotations.addOverride({
    teamId: teamA.id,
    rotationId: rotationA.id,
    personId: plannerA.id,
    startsAt: new Date("2026-12-01T08:00:00Z"),
    endsAt: new Date("2026-12-01T16:00:00Z"),
    note: "covering a dentist visit",
  });
  const removedOverride = await asPlannerA.rotations.addOverride({
    teamId: teamA.id,
    rotationId: rotationA.id,
    personId: plannerA.id,
    startsAt: new Date("2026-12-02T08:00:00Z"),
    endsAt: new Date("2026-12-02T16:00:00Z"),
  });
  await asPlannerA.rotations.removeOverride({ teamId: teamA.id, overrideId: removedOverride.override.id });
  const schedule = await asEngineerA.rotations.schedule({
    teamId: teamA.id,
    from: MATRIX_NOW,
    to: new Date("2026-12-31T00:00:00Z"),
  });
  const engineerShift = required(
    schedule.shifts.find((s) => s.personId === engineerA.id && s.startsAt > MATRIX_NOW),
    "future shift of engineer A",
  );
  const swap = await asEngineerA.rotations.requestSwap({
    teamId: teamA.id,
    rotationId: rotationA.id,
    counterpartId: plannerA.id,
    shiftStartsAt: engineerShift.startsAt,
    shiftEndsAt: engineerShift.endsAt,
  });

  const entry = await asEngineerA.workLog.create({
    teamId: teamA.id,
    summary: "Restarted the billing exporter",
    duration: "30m",
    endsAt: new Date("2026-11-17T11:00:00Z"),
    category: "toil",
    serviceId: serviceA.id,
    traits: { ...NO_TRAITS, manual: true },
  });
  const template = await asEngineerA.templates.create({
    teamId: teamA.id,
    name: "Rotate certificates",
    duration: "20m",
    category: "toil",
    traits: { ...NO_TRAITS, repetitive: true },
  });
  const ticket = await asEngineerA.interrupts.create({
    teamId: teamA.id,
    kind: "ticket",
    summary: "Quota increase for team X",
    openedAt: new Date("2026-11-16T09:30:00Z"),
  });
  const [captured] = await db
    .insert(interrupt)
    .values({
      teamId: teamA.id,
      kind: "page",
      source: "alertmanager",
      alertName: "DiskFull",
      summary: "Disk almost full on db-1",
      openedAt: new Date("2026-11-17T02:00:00Z"),
      resolvedAt: new Date("2026-11-17T02:40:00Z"),
      assigneeId: engineerA.id,
      captureStatus: "captured",
      isIncident: true,
    })
    .returning();
  const absence = await asEngineerA.profile.addAbsence({
    kind: "leave",
    startsAt: new Date("2026-12-21T00:00:00Z"),
    endsAt: new Date("2026-12-24T00:00:00Z"),
  });
  const token = await asEngineerA.apiTokens.create({ name: "matrix script" });
  const integration = await asPlannerA.integrations.create({
    teamId: teamA.id,
    kind: "alertmanager",
    name: "Prometheus",
    rotationId: rotationA.id,
  });
  const pagerduty = await asPlannerA.integrations.create({
    teamId: teamA.id,
    kind: "pagerduty",
    name: "PagerDuty",
    rotationId: rotationA.id,
  });
  const userLink = await asPlannerA.integrations.linkUser({
    teamId: teamA.id,
    system: "pagerduty",
    externalUserId: "PWORLD1",
    externalName: "Engineer A",
    personId: engineerA.id,
  });
  const estimate = await asManagerA.reports.saveEstimate({
    teamId: teamA.id,
    sourceKind: "template",
    sourceKey: template.id,
    buildHours: 16,
    maintenanceHoursPerMonth: 1,
  });
  const workspaceFile = await asAdmin.workspace.export({ teamId: teamA.id });
  // Planner A holds the pager this week and hands it to engineer A (the shift as the home page names it).
  const outgoing = (await asPlannerA.handoffs.forMe({ teamId: teamA.id })).outgoing.find(
    (o) => o.rotation.id === rotationA.id,
  );
  const currentShiftStart = required(outgoing, "planner A's current shift").shift.startsAt;
  const handoff = await asPlannerA.handoffs.save({
    teamId: teamA.id,
    rotationId: rotationA.id,
    shiftStartsAt: currentShiftStart,
    body: "db-1 disk is at 85%",
  });
  const silence = await asManagerA.review.silence({
    teamId: teamA.id,
    alertName: "FlappingProbe",
    until: "2026-12-15",
  });
  const [breach] = await db
    .insert(capBreach)
    .values({
      teamId: teamA.id,
      personId: engineerA.id,
      kind: "toil",
      periodStart: new Date("2026-10-31T23:00:00Z"),
      periodEnd: new Date("2026-11-30T23:00:00Z"),
      share: 0.62,
      cap: 0.5,
      deliveryStatus: "none",
    })
    .returning();
  const invited = await asManagerA.teams.invite({
    teamId: teamA.id,
    name: "Ines Invited",
    email: "ines.invited@example.test",
    timeZone: "Europe/Berlin",
    roles: ["engineer"],
  });
  if (invited.outcome !== "link") throw new Error("expected an invitation link");
  const [joinRequest] = await db
    .insert(invitation)
    .values({
      organisationId: org.id,
      teamId: teamB.id,
      kind: "join-request",
      personId: engineerA.id,
      email: "a@example.test",
      name: "A",
      roles: ["engineer"],
      expiresAt: new Date(now().getTime() + 86_400_000),
    })
    .returning();

  const resetLink = await asAdmin.access.issuePasswordReset({ personId: engineerB.id });

  return {
    now,
    invitation: { id: invited.invitationId, token: invited.path.split("=")[1] ?? "" },
    passwordResetToken: new URL(resetLink.path, "http://localhost").searchParams.get("token") ?? "",
    joinRequest: required(joinRequest, "join request"),
    org,
    teamA,
    teamB,
    personIds,
    serviceA,
    rotationA,
    override,
    removedOverride,
    engineerShift,
    swap,
    entry,
    template,
    ticket,
    captured: required(captured, "captured page"),
    absence,
    token,
    integration,
    pagerduty,
    userLink,
    estimate,
    workspaceFile,
    currentShiftStart,
    handoff,
    silence,
    breach: required(breach, "cap breach"),
  };
}

export type AuthorizationWorld = Awaited<ReturnType<typeof buildAuthorizationWorld>>;
