import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { PgInsertValue, PgTable } from "drizzle-orm/pg-core";
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
import { wallClockInstant } from "@/server/domain/time";
import { parseWorkspace, teamZoneOf, type WorkspaceData } from "@/server/schemas/workspace";
import { recordAudit } from "../audit";
import { DomainError } from "../errors";
import { endAfter } from "../work-log/entry-time";
import { endsInFuture, FUTURE_END_MESSAGE } from "@/server/domain/accounting";
import { assertReturned } from "@/server/services/returned-row";

/** How many problems an error message lists; the count says how many more there are. */
const LISTED_PROBLEMS = 50;
// Well under PostgreSQL's 65,535 bind parameters even for work_entry's twenty-odd columns.
const ROWS_PER_INSERT = 500;

/** The file was refused: nothing was written. `problems` are "path: message", every one found. */
export class WorkspaceImportError extends DomainError {
  constructor(readonly problems: string[]) {
    const listed = problems.slice(0, LISTED_PROBLEMS).map((p) => `- ${p}`);
    const more = problems.length > LISTED_PROBLEMS ? [`- and ${problems.length - LISTED_PROBLEMS} more`] : [];
    super(
      "invalid",
      [
        `The workspace file was not imported (${problems.length} problem${problems.length === 1 ? "" : "s"}):`,
        ...listed,
        ...more,
      ].join("\n"),
      "file",
    );
    this.name = "WorkspaceImportError";
  }
}

export interface ImportOptions {
  /** The new team's name; the file's team name when absent. */
  teamName?: string;
  /** The organisation to import into (a signed-in admin's); else the instance's first, created when there is none. */
  organisationId?: string;
  actorPersonId: string | null;
}

export interface ImportSummary {
  teamId: string;
  teamName: string;
  organisationId: string;
  /** People created, and people of the organisation found by email and reused. */
  peopleCreated: number;
  peopleMatched: number;
  absences: number;
  services: number;
  templates: number;
  rotations: number;
  overrides: number;
  shifts: number;
  interrupts: number;
  entries: number;
  estimates: number;
}

async function insertAll<T extends PgTable>(db: Db, table: T, rows: Array<PgInsertValue<T>>): Promise<void> {
  for (let from = 0; from < rows.length; from += ROWS_PER_INSERT) {
    await db.insert(table).values(rows.slice(from, from + ROWS_PER_INSERT));
  }
}

/** A new database id for each file id of one kind. */
function newIds(fileIds: readonly string[]): Map<string, string> {
  return new Map(fileIds.map((id) => [id, crypto.randomUUID()]));
}

function mapped(ids: ReadonlyMap<string, string>, fileId: string): string {
  const id = ids.get(fileId);
  // parseWorkspace checked every reference, so this is a bug, not bad input.
  if (id === undefined) throw new Error(`unresolved workspace reference ${fileId}`);
  return id;
}

function mappedOrNull(ids: ReadonlyMap<string, string>, fileId: string | null): string | null {
  return fileId === null ? null : mapped(ids, fileId);
}

/**
 * Imports a workspace file as a new team, all or nothing. The whole file is validated first (every problem
 * reported with its path, nothing written); then, in one transaction, the team is created and filled.
 *
 * - The team is always new: a team of that name already in the organisation refuses the import, so importing
 *   the same file twice cannot duplicate anything. Import under another name with `teamName`.
 * - People are matched by email. Someone already in the organisation is reused: they keep their account and
 *   name, take the file's time zone and work pattern (so their numbers read as in the file), and absences
 *   they already have are not added twice. Anyone else is created as invited: they sign up with that email.
 *   A person of another organisation refuses the import.
 * - Admin flags are honoured only by an instance without an administrator (a fresh one).
 */
export async function importWorkspace(
  db: Db,
  json: unknown,
  options: ImportOptions,
  now: Date,
): Promise<ImportSummary> {
  const parsed = parseWorkspace(json);
  if (!parsed.ok) throw new WorkspaceImportError(parsed.problems);
  const file = parsed.data;
  const teamName = options.teamName?.trim() || file.team.name;
  if (teamName.length > 80) throw new WorkspaceImportError(["team name: At most 80 characters"]);
  const unfinished = futureEntryProblems(file, now);
  if (unfinished.length > 0) throw new WorkspaceImportError(unfinished);
  return db.transaction(async (tx) => {
    const org = await targetOrganisation(tx, file, options.organisationId);
    const clashes = await databaseProblems(
      tx,
      file,
      org.id,
      teamName,
      options.teamName !== undefined && options.teamName.trim() !== "",
    );
    if (clashes.length > 0) throw new WorkspaceImportError(clashes);
    return writeWorkspace(tx, file, { organisationId: org.id, teamName, actorPersonId: options.actorPersonId, now });
  });
}

async function targetOrganisation(db: Db, file: WorkspaceData, organisationId: string | undefined) {
  if (organisationId !== undefined) {
    const [row] = await db.select().from(organisation).where(eq(organisation.id, organisationId));
    if (!row) throw new DomainError("not-found", "No such organisation.");
    return row;
  }
  const [first] = await db
    .select()
    .from(organisation)
    .orderBy(asc(organisation.createdAt), asc(organisation.id))
    .limit(1);
  if (first) return first;
  const [created] = await db
    .insert(organisation)
    .values({ name: file.organisation?.name ?? "My organisation" })
    .returning();
  assertReturned(created, "organisation insert");
  return created;
}

/** Entries that would end after now: logged work has happened, in a file as in the quick log. */
function futureEntryProblems(file: WorkspaceData, now: Date): string[] {
  return file.entries.flatMap((e, i) =>
    endsInFuture(endAfter(e.startsAt, e.minutes), now) ? [`entries[${i}].minutes: ${FUTURE_END_MESSAGE}`] : [],
  );
}

/** What the file cannot do in this database: reuse a team name, or take people of another organisation. */
async function databaseProblems(
  db: Db,
  file: WorkspaceData,
  organisationId: string,
  teamName: string,
  named: boolean,
): Promise<string[]> {
  const problems: string[] = [];
  const [clash] = await db
    .select({ id: team.id })
    .from(team)
    .where(and(eq(team.organisationId, organisationId), eq(team.name, teamName)));
  if (clash) {
    const where = named ? "team name" : "team.name";
    problems.push(
      `${where}: A team named "${teamName}" already exists, so this file may have been imported already; import it under another team name to make a copy`,
    );
  }
  const existing = await peopleByEmail(
    db,
    file.people.map((p) => p.email),
  );
  file.people.forEach((p, i) => {
    const found = existing.get(p.email);
    if (found && found.organisationId !== organisationId)
      problems.push(`people[${i}].email: ${p.email} belongs to a person of another organisation`);
  });
  return problems;
}

async function peopleByEmail(db: Db, emails: readonly string[]) {
  if (emails.length === 0) return new Map<string, typeof person.$inferSelect>();
  const rows = await db
    .select()
    .from(person)
    .where(
      inArray(
        sql`lower(${person.email})`,
        emails.map((e) => e.toLowerCase()),
      ),
    );
  return new Map(rows.map((row) => [row.email.toLowerCase(), row]));
}

interface WriteTarget {
  organisationId: string;
  teamName: string;
  actorPersonId: string | null;
  now: Date;
}

async function writeWorkspace(db: Db, file: WorkspaceData, target: WriteTarget): Promise<ImportSummary> {
  const { now, actorPersonId } = target;
  const [created] = await db
    .insert(team)
    .values({
      organisationId: target.organisationId,
      name: target.teamName,
      toilCap: file.team.toilCap,
      onCallCap: file.team.onCallCap,
      timeZone: teamZoneOf(file),
      overloadTurnsInARow: file.team.overload.turnsInARow,
      overloadLoggedOverDuty: file.team.overload.loggedOverDuty,
      overloadIncidentLimit: file.team.overload.incidentLimit,
    })
    .returning();
  assertReturned(created, "team insert");
  const teamId = created.id;

  // People: reuse by email, else create as invited.
  const existing = await peopleByEmail(
    db,
    file.people.map((p) => p.email),
  );
  const [anyAdmin] = await db.select({ id: person.id }).from(person).where(eq(person.isAdmin, true)).limit(1);
  const personIds = new Map<string, string>();
  const newPeople: Array<PgInsertValue<typeof person>> = [];
  let matched = 0;
  for (const p of file.people) {
    const pattern = {
      timeZone: p.timeZone,
      workDays: p.workPattern.days,
      workStartMinute: p.workPattern.startMinute,
      workEndMinute: p.workPattern.endMinute,
    };
    const found = existing.get(p.email);
    if (found) {
      matched += 1;
      personIds.set(p.id, found.id);
      const before = {
        timeZone: found.timeZone,
        workDays: found.workDays,
        workStartMinute: found.workStartMinute,
        workEndMinute: found.workEndMinute,
      };
      if (JSON.stringify(before) !== JSON.stringify(pattern)) {
        await db.update(person).set(pattern).where(eq(person.id, found.id));
        await recordAudit(db, {
          actorPersonId,
          teamId,
          action: "person.update-from-import",
          entityType: "person",
          entityId: found.id,
          before,
          after: pattern,
        });
      }
      continue;
    }
    const id = crypto.randomUUID();
    personIds.set(p.id, id);
    newPeople.push({
      id,
      organisationId: target.organisationId,
      name: p.name,
      email: p.email,
      ...pattern,
      isAdmin: anyAdmin === undefined && p.admin,
      invitedById: actorPersonId,
      createdAt: now,
      deletedAt: p.removedAt,
    });
  }
  await insertAll(db, person, newPeople);
  await insertAll(
    db,
    teamMember,
    file.people.flatMap((p) => p.roles.map((role) => ({ teamId, personId: mapped(personIds, p.id), role }))),
  );

  // Absences are the person's, not the team's: a reused person's identical absence is not added twice.
  const reusedIds = [...existing.values()].map((row) => row.id);
  const held = reusedIds.length
    ? await db
        .select({ personId: absence.personId, kind: absence.kind, startsAt: absence.startsAt, endsAt: absence.endsAt })
        .from(absence)
        .where(and(inArray(absence.personId, reusedIds), isNull(absence.deletedAt)))
    : [];
  const absenceKey = (a: { personId: string; kind: string; startsAt: Date; endsAt: Date }) =>
    `${a.personId}|${a.kind}|${a.startsAt.getTime()}|${a.endsAt.getTime()}`;
  const heldKeys = new Set(held.map(absenceKey));
  const absences = file.absences
    .map((a) => ({
      personId: mapped(personIds, a.personId),
      kind: a.kind,
      startsAt: a.startsAt,
      endsAt: a.endsAt,
      note: a.note,
      createdAt: now,
    }))
    .filter((a) => {
      const key = absenceKey(a);
      if (heldKeys.has(key)) return false;
      heldKeys.add(key);
      return true;
    });
  await insertAll(db, absence, absences);

  const serviceIds = newIds(file.services.map((s) => s.id));
  await insertAll(
    db,
    service,
    file.services.map((s) => ({
      id: mapped(serviceIds, s.id),
      teamId,
      name: s.name,
      ...s.traits,
      createdAt: now,
      deletedAt: s.removedAt,
    })),
  );
  const templateIds = newIds(file.templates.map((t) => t.id));
  await insertAll(
    db,
    toilTemplate,
    file.templates.map((t) => ({
      id: mapped(templateIds, t.id),
      teamId,
      name: t.name,
      serviceId: mappedOrNull(serviceIds, t.serviceId),
      defaultMinutes: t.defaultMinutes,
      category: t.category,
      ...t.traits,
      createdAt: now,
      deletedAt: t.removedAt,
    })),
  );

  const rotationIds = newIds(file.rotations.map((r) => r.id));
  await insertAll(
    db,
    rotation,
    file.rotations.map((r) => ({
      id: mapped(rotationIds, r.id),
      teamId,
      name: r.name,
      role: r.role,
      timeZone: r.timeZone,
      shiftUnit: r.shift.unit,
      shiftCount: r.shift.count,
      handoffWeekday: r.handoff.weekday,
      handoffMinute: r.handoff.time,
      startsOn: r.startsOn,
      // An older file's working hours are one duty window, as the backfill migration made of stored rows.
      dutyWindows: r.dutyWindows ?? (r.workingHours ? [r.workingHours] : null),
      endsOn: r.endsOn,
      anchorAt: r.turnAnchor?.at ?? null,
      anchorIndex: r.turnAnchor?.index ?? null,
      version: 1,
      // Without recorded history, the schedule counts from its first day; later shifts follow the settings.
      recordedUntil: r.recordedUntil ?? new Date(wallClockInstant(localDate(r.startsOn), 0, r.timeZone)),
      createdAt: now,
      updatedAt: now,
      deletedAt: r.removedAt,
    })),
  );
  await insertAll(
    db,
    rotationParticipant,
    file.rotations.flatMap((r) =>
      r.participants.map((p, position) => ({
        rotationId: mapped(rotationIds, r.id),
        position,
        personId: mapped(personIds, p),
      })),
    ),
  );
  const overrides = file.rotations.flatMap((r) =>
    r.overrides.map((o) => ({
      rotationId: mapped(rotationIds, r.id),
      personId: mapped(personIds, o.personId),
      replacesPersonId: mappedOrNull(personIds, o.replacesPersonId),
      startsAt: o.startsAt,
      endsAt: o.endsAt,
      note: o.note,
      createdAt: now,
    })),
  );
  await insertAll(db, rotationOverride, overrides);
  const shifts = file.rotations.flatMap((r) =>
    r.history.map((h) => ({
      rotationId: mapped(rotationIds, r.id),
      teamId,
      personId: mapped(personIds, h.personId),
      role: h.role ?? r.role,
      startsAt: h.startsAt,
      endsAt: h.endsAt,
      createdAt: now,
    })),
  );
  await insertAll(db, shiftRecord, shifts);

  const interruptIds = newIds(file.interrupts.map((x) => x.id));
  await insertAll(
    db,
    interrupt,
    file.interrupts.map((x) => ({
      id: mapped(interruptIds, x.id),
      teamId,
      kind: x.kind,
      source: x.source,
      externalId: x.externalId,
      alertName: x.alertName,
      service: x.service,
      severity: x.severity,
      summary: x.summary,
      isIncident: x.isIncident,
      actionable: x.actionable,
      openedAt: x.openedAt,
      resolvedAt: x.resolvedAt,
      assigneeId: mappedOrNull(personIds, x.assigneeId),
      createdAt: now,
      deletedAt: x.removedAt,
    })),
  );
  await insertAll(
    db,
    workEntry,
    file.entries.map((e) => ({
      personId: mapped(personIds, e.personId),
      teamId,
      startsAt: e.startsAt,
      minutes: e.minutes,
      category: e.category,
      ...e.traits,
      serviceId: mappedOrNull(serviceIds, e.serviceId),
      summary: e.summary,
      link: e.link,
      interruptId: mappedOrNull(interruptIds, e.interruptId),
      templateId: mappedOrNull(templateIds, e.templateId),
      source: e.source,
      createdAt: now,
      updatedAt: now,
    })),
  );
  await insertAll(
    db,
    automationEstimate,
    file.estimates.map((e) => ({
      teamId,
      sourceKind: e.sourceKind,
      sourceKey:
        e.sourceKind === "template"
          ? mapped(templateIds, e.sourceKey)
          : e.sourceKind === "service"
            ? mapped(serviceIds, e.sourceKey)
            : e.sourceKey,
      buildHours: e.buildHours,
      maintenanceHoursPerMonth: e.maintenanceHoursPerMonth,
      automatedOn: e.automatedOn,
      createdById: actorPersonId,
      createdAt: now,
      updatedById: actorPersonId,
      updatedAt: now,
    })),
  );

  const summary: ImportSummary = {
    teamId,
    teamName: created.name,
    organisationId: target.organisationId,
    peopleCreated: newPeople.length,
    peopleMatched: matched,
    absences: absences.length,
    services: file.services.length,
    templates: file.templates.length,
    rotations: file.rotations.length,
    overrides: overrides.length,
    shifts: shifts.length,
    interrupts: file.interrupts.length,
    entries: file.entries.length,
    estimates: file.estimates.length,
  };
  await recordAudit(db, {
    actorPersonId,
    teamId,
    action: "workspace.import",
    entityType: "team",
    entityId: teamId,
    after: { ...summary, exportedAt: file.exportedAt ?? null, sourceTeam: file.team.name },
  });
  return summary;
}

function localDate(isoDate: string) {
  const [year = 0, month = 0, day = 0] = isoDate.split("-").map(Number);
  return { year, month, day };
}
