import { TRPCError } from "@trpc/server";
import { DateTime } from "luxon";
import { z } from "zod";
import type { Db } from "@/db/client";
import { interrupt, rotation, service, shiftRecord, toilTemplate } from "@/db/schema";
import type { ToilTraits } from "@/server/schemas/work-log";
import { DomainError } from "@/server/services/errors";

export const NO_TRAITS: ToilTraits = {
  manual: false,
  repetitive: false,
  automatable: false,
  tactical: false,
  noEnduringValue: false,
  scalesLinearly: false,
};

/** The instant a wall clock in `zone` reads `isoLocal` ("2025-03-10T09:00"). */
export function local(isoLocal: string, zone: string): Date {
  const parsed = DateTime.fromISO(isoLocal, { zone });
  if (!parsed.isValid) throw new Error(`Bad test time ${isoLocal} in ${zone}`);
  return parsed.toJSDate();
}

export async function makeService(db: Db, teamId: string, name: string, traits: Partial<ToilTraits> = {}) {
  const [row] = await db
    .insert(service)
    .values({ teamId, name, ...NO_TRAITS, ...traits })
    .returning();
  if (!row) throw new Error("no service");
  return row;
}

export async function makeTemplate(
  db: Db,
  teamId: string,
  opts: {
    name: string;
    defaultMinutes: number;
    serviceId?: string;
    createdById?: string;
    traits?: Partial<ToilTraits>;
  },
) {
  const [row] = await db
    .insert(toilTemplate)
    .values({
      teamId,
      name: opts.name,
      defaultMinutes: opts.defaultMinutes,
      serviceId: opts.serviceId ?? null,
      createdById: opts.createdById ?? null,
      ...NO_TRAITS,
      ...opts.traits,
    })
    .returning();
  if (!row) throw new Error("no template");
  return row;
}

export async function makeInterrupt(
  db: Db,
  teamId: string,
  opts: {
    summary: string;
    openedAt: Date;
    assigneeId?: string;
    service?: string;
    kind?: "page" | "ticket" | "request";
  },
) {
  const [row] = await db
    .insert(interrupt)
    .values({
      teamId,
      kind: opts.kind ?? "page",
      summary: opts.summary,
      openedAt: opts.openedAt,
      assigneeId: opts.assigneeId ?? null,
      service: opts.service ?? null,
    })
    .returning();
  if (!row) throw new Error("no interrupt");
  return row;
}

/** A shift someone held, as the rotations would have frozen it (with a rotation for it to belong to). */
export async function makeShift(
  db: Db,
  opts: {
    teamId: string;
    personId: string;
    role: "primary" | "secondary" | "ticket" | "shadow";
    startsAt: Date;
    endsAt: Date;
  },
) {
  const [parent] = await db
    .insert(rotation)
    .values({
      teamId: opts.teamId,
      name: `${opts.role} ${Math.random()}`,
      role: opts.role,
      timeZone: "UTC",
      startsOn: "2025-01-06",
    })
    .returning();
  if (!parent) throw new Error("no rotation");
  const [row] = await db
    .insert(shiftRecord)
    .values({ ...opts, rotationId: parent.id })
    .returning();
  if (!row) throw new Error("no shift");
  return row;
}

/** What a refused call reports: its tRPC code and the input fields its message is about. */
export async function refusal(promise: Promise<unknown>): Promise<{ code: string; fields: string[]; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const cause = error.cause;
    const fields =
      cause instanceof z.ZodError
        ? cause.issues.map((issue) => issue.path.join("."))
        : cause instanceof DomainError && cause.field
          ? [cause.field]
          : [];
    return { code: error.code, fields, message: error.message };
  }
  return { code: "OK", fields: [], message: "" };
}
