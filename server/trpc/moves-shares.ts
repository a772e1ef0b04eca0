import "server-only";
import { teamId } from "@/server/schemas/common";
import { z } from "zod";
import type { ShareChange } from "@/server/services/breaches/after-share-change";

/**
 * Whose toil or on-call shares a successful call may move, declared on the procedure (`.meta({ movesShares })`)
 * so the cap-breach check runs after it without the router asking: "caller" for the caller's own work, timer,
 * profile (zone, work pattern) and absences; "team" for every engineer of the input's team (rotations,
 * overrides, swaps, members, the team's zone); "entry-owner" for the person of the work entry the call returns
 * (a page a manager confirms for the engineer who took it).
 */
export type MovesShares = "caller" | "team" | "entry-owner";

export interface ProcedureMeta {
  movesShares?: MovesShares;
}

const teamOfInput = z.object({ teamId });
const entryOfResult = z.object({ entry: z.object({ personId: z.string() }) });

/** The people a call moved, from its declaration, caller, input and result; throws when they cannot be told. */
export function shareChangeOf(
  moves: MovesShares,
  callerId: string | null,
  rawInput: unknown,
  result: unknown,
): ShareChange {
  switch (moves) {
    case "caller":
      if (callerId === null) throw new Error("a share-moving call without a caller");
      return { personIds: [callerId] };
    case "team":
      return { teamId: teamOfInput.parse(rawInput).teamId };
    case "entry-owner":
      return { personIds: [entryOfResult.parse(result).entry.personId] };
  }
}
