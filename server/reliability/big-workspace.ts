import { DateTime } from "luxon";
import type { WorkspaceJson } from "@/server/schemas/workspace";

export interface BigWorkspaceOptions {
  teamName: string;
  people: number;
  entries: number;
  /** Where the first entry starts; the rest follow back to back per person. */
  from?: string;
}

const ENTRY_MINUTES = 30;

/**
 * A workspace file large enough that `npm run import` spends seconds inside its transaction: a team of
 * `people` with `entries` work-log entries spread over them, every one of them distinct by its summary.
 */
export function bigWorkspace(options: BigWorkspaceOptions): WorkspaceJson {
  const slug = options.teamName.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  const people = Array.from({ length: options.people }, (_, i) => ({
    id: `p${i}`,
    name: `Importer ${i}`,
    email: `importer${i}@${slug}.example`,
    timeZone: "Europe/Berlin",
    roles: ["engineer" as const],
  }));
  const start = DateTime.fromISO(options.from ?? "2024-01-01T08:00:00Z", { zone: "utc" });
  const entries = Array.from({ length: options.entries }, (_, i) => {
    const slot = Math.floor(i / options.people);
    return {
      personId: `p${i % options.people}`,
      startsAt: start.plus({ minutes: slot * ENTRY_MINUTES }).toISO() ?? "",
      minutes: ENTRY_MINUTES,
      category: i % 3 === 0 ? ("overhead" as const) : ("toil" as const),
      summary: `${options.teamName} entry ${i}`,
      serviceId: "s0",
    };
  });
  return {
    format: "toilcap-workspace",
    version: 1,
    team: { name: options.teamName },
    people,
    services: [{ id: "s0", name: "Imported service" }],
    entries,
  };
}
