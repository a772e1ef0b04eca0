import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  absence,
  automationEstimate,
  interrupt,
  organisation,
  person,
  rotation,
  rotationOverride,
  rotationParticipant,
  service,
  shiftRecord,
  team,
  teamMember,
  toilTemplate,
  workEntry,
} from "@/db/schema";
import type { TeamRole } from "@/server/auth/permissions";
import { clockOf, WORKSPACE_FORMAT, WORKSPACE_VERSION, type WorkspaceJson } from "@/server/schemas/workspace";
import { recordAudit } from "../audit";
import { DomainError } from "../errors";
import { recordedSoFar } from "../rotations/record-shifts";
import { dutyWindowsOf } from "../rotations/rotation-rows";

type Json<K extends keyof WorkspaceJson> = NonNullable<WorkspaceJson[K]>;
type Traits = {
  manual: boolean;
  repetitive: boolean;
  automatable: boolean;
  tactical: boolean;
  noEnduringValue: boolean;
  scalesLinearly: boolean;
};

const iso = (at: Date) => at.toISOString();
const isoOrNull = (at: Date | null) => (at ? at.toISOString() : null);
const traitsOf = (row: Traits): Traits => ({
  manual: row.manual,
  repetitive: row.repetitive,
  automatable: row.automatable,
  tactical: row.tactical,
  noEnduringValue: row.noEnduringValue,
  scalesLinearly: row.scalesLinearly,
});

export interface ExportScope {
  teamId: string;
  /** Set for a signed-in admin: a team of another organisation is "no such team". */
  organisationId?: string;
  actorPersonId: string | null;
}

/**
 * One team as a workspace file (schemas/workspace.ts): its people with their roles, work patterns and absences,
 * its rotations with their recorded history and overrides, interrupts, work log, services, templates and
 * automation estimates. Removed entries, absences and overrides are left out (they count for nothing); removed
 * rotations, services, templates and interrupts are kept, marked, because live rows still refer to them and a
 * removed rotation's history still counts. Exporting records nothing: each rotation carries its history with how
 * far it reaches, and the shifts after that follow from its settings, as the reports read them.
 */
export async function exportWorkspace(db: Db, scope: ExportScope, now: Date): Promise<WorkspaceJson> {
  const [teamRow] = await db
    .select()
    .from(team)
    .where(and(eq(team.id, scope.teamId), isNull(team.deletedAt)));
  if (!teamRow || (scope.organisationId !== undefined && teamRow.organisationId !== scope.organisationId)) {
    throw new DomainError("not-found", "No such team.", "teamId");
  }
  // One snapshot: a shift recorded or an entry logged meanwhile cannot land half in the file.
  const file = await db.transaction((tx) => readTeam(tx, teamRow, now), { isolationLevel: "repeatable read" });
  await recordAudit(db, {
    actorPersonId: scope.actorPersonId,
    teamId: teamRow.id,
    action: "workspace.export",
    entityType: "team",
    entityId: teamRow.id,
    after: { people: file.people?.length ?? 0, entries: file.entries?.length ?? 0 },
  });
  return file;
}

async function readTeam(db: Db, teamRow: typeof team.$inferSelect, now: Date): Promise<WorkspaceJson> {
  const teamId = teamRow.id;
  const [org] = await db
    .select({ name: organisation.name })
    .from(organisation)
    .where(eq(organisation.id, teamRow.organisationId));
  const memberships = await db.select().from(teamMember).where(eq(teamMember.teamId, teamId));
  const rotations = await db
    .select()
    .from(rotation)
    .where(eq(rotation.teamId, teamId))
    .orderBy(asc(rotation.name), asc(rotation.id));
  const rotationIds = rotations.map((r) => r.id);
  // Rows from before recorded_until existed get theirs from their history, so an import does not expand it again.
  const recordedUntil = await recordedSoFar(db, rotations);
  const participants = rotationIds.length
    ? await db
        .select()
        .from(rotationParticipant)
        .where(inArray(rotationParticipant.rotationId, rotationIds))
        .orderBy(asc(rotationParticipant.position))
    : [];
  const overrides = rotationIds.length
    ? await db
        .select()
        .from(rotationOverride)
        .where(and(inArray(rotationOverride.rotationId, rotationIds), isNull(rotationOverride.deletedAt)))
        .orderBy(asc(rotationOverride.startsAt), asc(rotationOverride.id))
    : [];
  const history = rotationIds.length
    ? await db
        .select()
        .from(shiftRecord)
        .where(inArray(shiftRecord.rotationId, rotationIds))
        .orderBy(asc(shiftRecord.startsAt), asc(shiftRecord.id))
    : [];
  const interrupts = await db
    .select()
    .from(interrupt)
    .where(eq(interrupt.teamId, teamId))
    .orderBy(asc(interrupt.openedAt), asc(interrupt.id));
  const entries = await db
    .select()
    .from(workEntry)
    .where(and(eq(workEntry.teamId, teamId), isNull(workEntry.deletedAt)))
    .orderBy(asc(workEntry.startsAt), asc(workEntry.id));
  const services = await db.select().from(service).where(eq(service.teamId, teamId)).orderBy(asc(service.name));
  const templates = await db
    .select()
    .from(toilTemplate)
    .where(eq(toilTemplate.teamId, teamId))
    .orderBy(asc(toilTemplate.name), asc(toilTemplate.id));
  const estimates = await db
    .select()
    .from(automationEstimate)
    .where(and(eq(automationEstimate.teamId, teamId), isNull(automationEstimate.deletedAt)))
    .orderBy(asc(automationEstimate.createdAt), asc(automationEstimate.id));

  // Members, and everyone the team's rows name (a former member's entries, a cover from elsewhere).
  const personIds = new Set<string>([
    ...memberships.map((m) => m.personId),
    ...participants.map((p) => p.personId),
    ...overrides.flatMap((o) => (o.replacesPersonId ? [o.personId, o.replacesPersonId] : [o.personId])),
    ...history.map((h) => h.personId),
    ...interrupts.flatMap((x) => (x.assigneeId ? [x.assigneeId] : [])),
    ...entries.map((e) => e.personId),
  ]);
  const people = personIds.size
    ? await db
        .select()
        .from(person)
        .where(inArray(person.id, [...personIds]))
        .orderBy(asc(person.email))
    : [];
  const absences = personIds.size
    ? await db
        .select()
        .from(absence)
        .where(and(inArray(absence.personId, [...personIds]), isNull(absence.deletedAt)))
        .orderBy(asc(absence.startsAt), asc(absence.id))
    : [];

  const rolesOf = new Map<string, TeamRole[]>();
  for (const m of memberships) rolesOf.set(m.personId, [...(rolesOf.get(m.personId) ?? []), m.role].sort());
  const serviceIds = new Set(services.map((s) => s.id));
  const templateIds = new Set(templates.map((t) => t.id));
  const interruptIds = new Set(interrupts.map((x) => x.id));
  // A reference to another team's row (never made by the app, but not prevented by the schema) is dropped.
  const known = (ids: ReadonlySet<string>, id: string | null) => (id !== null && ids.has(id) ? id : null);

  const peopleJson: Json<"people"> = people.map((p) => ({
    id: p.id,
    name: p.name,
    email: p.email,
    timeZone: p.timeZone,
    workPattern: { days: [...p.workDays], start: clockOf(p.workStartMinute), end: clockOf(p.workEndMinute) },
    roles: rolesOf.get(p.id) ?? [],
    admin: p.isAdmin,
    removedAt: isoOrNull(p.deletedAt),
  }));
  const rotationsJson: Json<"rotations"> = rotations.map((r) => {
    const windows = dutyWindowsOf(r);
    return {
      id: r.id,
      name: r.name,
      role: r.role,
      timeZone: r.timeZone,
      shift: { unit: r.shiftUnit, count: r.shiftCount },
      handoff: { weekday: r.handoffWeekday, time: clockOf(r.handoffMinute) },
      startsOn: r.startsOn,
      dutyWindows: windows
        ? windows.map((w) => ({ days: [...w.days], start: clockOf(w.startMinute), end: clockOf(w.endMinute) }))
        : null,
      endsOn: r.endsOn,
      participants: participants.filter((p) => p.rotationId === r.id).map((p) => p.personId),
      turnAnchor: r.anchorAt !== null && r.anchorIndex !== null ? { at: iso(r.anchorAt), index: r.anchorIndex } : null,
      overrides: overrides
        .filter((o) => o.rotationId === r.id)
        .map((o) => ({
          personId: o.personId,
          replacesPersonId: o.replacesPersonId,
          startsAt: iso(o.startsAt),
          endsAt: iso(o.endsAt),
          note: o.note,
        })),
      recordedUntil: iso(new Date(recordedUntil.get(r.id) ?? r.createdAt.getTime())),
      history: history
        .filter((h) => h.rotationId === r.id)
        .map((h) => ({ personId: h.personId, role: h.role, startsAt: iso(h.startsAt), endsAt: iso(h.endsAt) })),
      removedAt: isoOrNull(r.deletedAt),
    };
  });

  return {
    format: WORKSPACE_FORMAT,
    version: WORKSPACE_VERSION,
    exportedAt: iso(now),
    organisation: org ? { name: org.name } : undefined,
    team: {
      name: teamRow.name,
      toilCap: teamRow.toilCap,
      onCallCap: teamRow.onCallCap,
      timeZone: teamRow.timeZone,
      overload: {
        turnsInARow: teamRow.overloadTurnsInARow,
        loggedOverDuty: teamRow.overloadLoggedOverDuty,
        incidentLimit: teamRow.overloadIncidentLimit,
      },
    },
    people: peopleJson,
    absences: absences.map((a) => ({
      personId: a.personId,
      kind: a.kind,
      startsAt: iso(a.startsAt),
      endsAt: iso(a.endsAt),
      note: a.note,
    })),
    services: services.map((s) => ({ id: s.id, name: s.name, traits: traitsOf(s), removedAt: isoOrNull(s.deletedAt) })),
    templates: templates.map((t) => ({
      id: t.id,
      name: t.name,
      serviceId: known(serviceIds, t.serviceId),
      defaultMinutes: t.defaultMinutes,
      category: t.category,
      traits: traitsOf(t),
      removedAt: isoOrNull(t.deletedAt),
    })),
    rotations: rotationsJson,
    interrupts: interrupts.map((x) => ({
      id: x.id,
      kind: x.kind,
      source: x.source,
      externalId: x.externalId,
      alertName: x.alertName,
      service: x.service,
      severity: x.severity,
      summary: x.summary,
      isIncident: x.isIncident,
      actionable: x.actionable,
      openedAt: iso(x.openedAt),
      resolvedAt: isoOrNull(x.resolvedAt),
      assigneeId: x.assigneeId,
      removedAt: isoOrNull(x.deletedAt),
    })),
    entries: entries.map((e) => ({
      personId: e.personId,
      startsAt: iso(e.startsAt),
      minutes: e.minutes,
      category: e.category,
      summary: e.summary,
      traits: traitsOf(e),
      serviceId: known(serviceIds, e.serviceId),
      templateId: known(templateIds, e.templateId),
      interruptId: known(interruptIds, e.interruptId),
      link: e.link,
      source: e.source,
    })),
    estimates: estimates.flatMap((e) => {
      // An estimate of a source that is not in the file (another team's) has nothing to attach to.
      if (e.sourceKind === "template" && !templateIds.has(e.sourceKey)) return [];
      if (e.sourceKind === "service" && !serviceIds.has(e.sourceKey)) return [];
      return [
        {
          sourceKind: e.sourceKind,
          sourceKey: e.sourceKey,
          buildHours: e.buildHours,
          maintenanceHoursPerMonth: e.maintenanceHoursPerMonth,
          automatedOn: e.automatedOn,
        },
      ];
    }),
  };
}
