import type { ScheduleQuality } from "./types";

/** Points one warning takes off the quality score. */
export const WARNING_POINTS = 5;

/**
 * Warnings that mean the plan, as it stands, breaks a rule for someone: a projected share over its cap, or duty
 * during leave. Gaps already lower coverage, and back-to-back turns are sometimes unavoidable, so they cost nothing.
 */
export const PENALISED_WARNINGS: ReadonlySet<string> = new Set(["over-toil-cap", "over-on-call-cap", "on-leave"]);

/** A plan with four people over their caps cannot score 100, however even and complete it is. */
export function penalisedQuality(quality: ScheduleQuality, warnings: ReadonlyArray<{ kind: string }>): ScheduleQuality {
  const count = warnings.filter((warning) => PENALISED_WARNINGS.has(warning.kind)).length;
  const warningPenalty = Math.min(quality.score, count * WARNING_POINTS);
  return { ...quality, warningPenalty, score: Math.round(10 * (quality.score - warningPenalty)) / 10 };
}
