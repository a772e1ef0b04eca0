import "server-only";
import { inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { rotation } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import { accountingFromIntervals, accountingIntervals, type Accounting } from "@/server/domain/accounting";
import { intersectIntervals, MINUTE_MS, totalMs } from "@/server/domain/time";
import type { drillDownInput } from "@/server/schemas/reports";
import { DomainError } from "../errors";
import type { InterruptView } from "../interrupts/interrupt-view";
import { membersAmong } from "../rotations/rotation-facts";
import { loadPeopleFacts, loadProfiles } from "../share/people-facts";
import { checkedRange, cutAtNow } from "../share/share-window";
import { drillDownEntry, drillEntries, type DrillDownEntry } from "./drill-entries";
import { drillInterrupts } from "./drill-interrupts";
import { maySeePerson, openReport, type ReportScope, type ReportTeam } from "./open-report";
import { sourceLabels } from "./source-labels";
import type { SourceKind } from "./source-totals";

export type DrillDownInput = z.output<typeof drillDownInput>;
export type { DrillDownEntry } from "./drill-entries";

/** A duty shift behind a person's bar. */
export interface DrillDownShift {
  rotationId: string;
  rotationName: string;
  role: "primary" | "secondary" | "ticket";
  from: Date;
  to: Date;
  /** Minutes of it inside the person's scheduled time in the window: their duty from it (rule 2). */
  dutyMinutes: number;
}

export interface DrillDownReport {
  team: ReportTeam;
  from: Date;
  to: Date;
  /** Entries and shifts are counted up to here: the window cut at now. */
  accountedTo: Date;
  person: { id: string; name: string } | null;
  /** True when a viewer who sees only their own detail named nobody: the entries listed are theirs only. */
  onlyOwn: boolean;
  source: { kind: SourceKind; key: string | null; label: string } | null;
  /** The person's numbers for the window, which the entries and shifts explain; null without a person. */
  accounting: Accounting | null;
  entries: DrillDownEntry[];
  /** The person's duty shifts in the window; empty without a person. */
  shifts: DrillDownShift[];
  interrupts: InterruptView[];
}

/**
 * The entries, shifts and interrupts behind a bar (a person) or a row (a source), or both. Managers and admins
 * may drill into any member; anyone else into themselves only (another person is FORBIDDEN).
 */
export async function drillDown(db: Db, viewer: Viewer, input: DrillDownInput, now: Date): Promise<DrillDownReport> {
  const scope = await openReport(db, viewer, input.teamId);
  const window = cutAtNow(checkedRange(input.from, input.to), now);
  const personId = await drilledPerson(db, scope, input.personId);
  const source =
    input.sourceKind && input.sourceKey !== undefined ? { kind: input.sourceKind, key: input.sourceKey } : null;
  const filter = { teamId: scope.team.id, window, personId, source };

  const entries = window.end > window.start ? await drillEntries(db, filter) : [];
  const profiles = await loadProfiles(db, [...entries.map((e) => e.personId), ...(personId ? [personId] : [])]);
  const person = personId ? (profiles.get(personId) ?? null) : null;
  const facts =
    person && window.end > window.start
      ? (await loadPeopleFacts(db, [person], window, now)).get(person.personId)
      : undefined;
  const intervals = facts ? accountingIntervals({ ...facts.facts, period: window }) : null;
  const names = await rotationNames(db, facts?.shifts.map((s) => s.rotationId) ?? []);
  const labelOf = source ? await sourceLabels(db, source.kind, [source.key]) : null;

  return {
    team: scope.team,
    from: input.from,
    to: input.to,
    accountedTo: new Date(window.end),
    person: person && { id: person.personId, name: person.name },
    onlyOwn: !input.personId && !scope.seesEveryone,
    source: source && { ...source, label: labelOf?.(source.key) ?? "" },
    accounting: intervals && accountingFromIntervals(intervals),
    entries: entries.map((entry) =>
      drillDownEntry(entry, scope.team.id, profiles.get(entry.personId)?.name ?? "Someone", intervals, window),
    ),
    shifts: (facts?.shifts ?? []).flatMap((shift) => {
      // Shadowing is learning, not duty (rule 2).
      if (shift.role === "shadow") return [];
      const duty = intersectIntervals(intervals?.duty ?? [], [shift]);
      return [
        {
          rotationId: shift.rotationId,
          rotationName: names.get(shift.rotationId) ?? "",
          role: shift.role,
          from: new Date(Math.max(shift.start, window.start)),
          to: new Date(Math.min(shift.end, window.end)),
          dutyMinutes: totalMs(duty) / MINUTE_MS,
        },
      ];
    }),
    interrupts: await drillInterrupts(db, scope.team.id, window, entries, { personId, source }),
  };
}

/** The person drilled into: the one named (if this viewer may see them), else the viewer unless they see everyone. */
async function drilledPerson(db: Db, scope: ReportScope, personId: string | undefined): Promise<string | null> {
  if (!personId) return scope.seesEveryone ? null : scope.viewerId;
  if (!maySeePerson(scope, personId))
    throw new DomainError("forbidden", "Only a manager of this team may see another person's detail.", "personId");
  const members = await membersAmong(db, scope.team.id, [personId]);
  if (!members.has(personId)) throw new DomainError("not-found", "No such member of this team.", "personId");
  return personId;
}

async function rotationNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: rotation.id, name: rotation.name })
    .from(rotation)
    .where(inArray(rotation.id, unique));
  return new Map(rows.map((row) => [row.id, row.name]));
}
