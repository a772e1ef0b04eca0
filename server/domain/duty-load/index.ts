export {
  INCIDENT_LIMIT,
  INCIDENT_WINDOW_MS,
  turnLoad,
  type DutyInterrupt,
  type DutyTurnFacts,
  type InterruptKind,
  type InterruptWork,
  type TurnLoad,
} from "./turn-load";
export {
  DEFAULT_OVERLOAD_THRESHOLDS,
  overloadFindings,
  type OverloadFinding,
  type OverloadReason,
  type OverloadThresholds,
} from "./overload";
export { heldLength, heldTwice, type HeldDuty } from "./held-twice";
