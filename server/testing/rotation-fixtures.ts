import { TRPCError } from "@trpc/server";
import { DateTime } from "luxon";
import { z } from "zod";
import type { Db } from "@/db/client";
import { absence } from "@/db/schema";
import type { RotationDraft } from "@/server/schemas/rotations";
import { DomainError } from "@/server/services/errors";
import { issuesText } from "@/server/schemas/issue-text";
import { callerAs, makeOrganisation, makePerson, makeTeam } from "./fixtures";

/** Test helpers for the rotation procedures. Times are Europe/Berlin unless a zone is given. */

export const ZONE = "Europe/Berlin";

/** An unambiguous local wall-clock time ("2026-03-02T09:00") as a Date. */
export function at(localIso: string, zone = ZONE): Date {
  const parsed = DateTime.fromISO(localIso, { zone });
  if (!parsed.isValid) throw new Error(`bad test time ${localIso}`);
  return parsed.toJSDate();
}

export const hours = (start: Date, end: Date) => (end.getTime() - start.getTime()) / 3_600_000;

/** A weekly primary rotation handing off on Mondays at 09:00 Berlin time from 2 March 2026. */
export function weeklyDraft(participants: string[], changes: Partial<RotationDraft> = {}): RotationDraft {
  return {
    name: "Pager primary",
    role: "primary",
    timeZone: ZONE,
    shiftUnit: "weeks",
    shiftCount: 1,
    handoffWeekday: 1,
    handoffMinute: 9 * 60,
    startsOn: "2026-03-02",
    workingHoursOnly: false,
    participants,
    ...changes,
  };
}

/** The tRPC code a call failed with, or "OK". */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

/** The message and field errors of a failed call, for checking that a message names its field. */
export async function failureOf(promise: Promise<unknown>): Promise<{ code: string; message: string; field: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) {
      // Callers skip the HTTP error formatter, so read the zod issues the way it words them.
      if (error.cause instanceof z.ZodError) {
        const { issues } = error.cause;
        return { code: error.code, message: issuesText(error.cause), field: issues[0]?.path.join(".") ?? "" };
      }
      const field = error.cause instanceof DomainError ? (error.cause.field ?? "") : "";
      return { code: error.code, message: error.message, field };
    }
    throw error;
  }
  return { code: "OK", message: "", field: "" };
}

/**
 * One team with a planner, a manager, engineers a..f (Berlin), plus another team with its own planner, and an
 * admin. Every person can sign in.
 */
export async function makeRotationTeam(db: Db, engineerCount = 4) {
  const org = await makeOrganisation(db);
  const team = await makeTeam(db, org.id, "Platform SRE");
  const otherTeam = await makeTeam(db, org.id, "Data SRE");
  const member = (roles: Array<"engineer" | "planner" | "manager">) => ({ teams: [{ teamId: team.id, roles }] });
  const planner = await makePerson(db, org.id, { name: "Priya Planner", ...member(["engineer", "planner"]) });
  const manager = await makePerson(db, org.id, { name: "Mona Manager", ...member(["manager"]) });
  const engineers: Array<Awaited<ReturnType<typeof makePerson>>> = [];
  for (const name of ["Erik Lindqvist", "Ana Ruiz", "Ben Okafor", "Chen Wei", "Dana Kim", "Femi Ade"].slice(
    0,
    engineerCount,
  )) {
    engineers.push(await makePerson(db, org.id, { name, ...member(["engineer"]) }));
  }
  const outsider = await makePerson(db, org.id, {
    name: "Otto Other",
    teams: [{ teamId: otherTeam.id, roles: ["engineer", "planner"] }],
  });
  const admin = await makePerson(db, org.id, { name: "Ada Admin", isAdmin: true });
  return { org, team, otherTeam, planner, manager, engineers, outsider, admin };
}

export function clock(now: Date): () => Date {
  return () => now;
}

/** A caller acting as this person with the clock stopped at `now`. */
export function callerAt(db: Db, personId: string | null, now: Date) {
  return callerAs(db, personId, clock(now));
}

export async function addLeave(db: Db, personId: string, start: Date, end: Date): Promise<void> {
  await db.insert(absence).values({ personId, kind: "leave", startsAt: start, endsAt: end });
}
