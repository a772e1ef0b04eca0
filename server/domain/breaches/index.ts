export { countedSpan } from "../accounting";
export { periodShares, type PeriodShares } from "./period-shares";
export { CAP_KINDS, capFindings, type CapFinding, type CapKind, type TeamCaps } from "./findings";
export {
  MAX_DELIVERY_ATTEMPTS,
  isStuckDelivery,
  nextAttemptDue,
  statusAfterAttempt,
  type AttemptResult,
  type DeliveryStatus,
} from "./delivery";
export { breachPercent, breachSentence, lastDayText, type BreachFacts, type BreachWording } from "./breach-text";
