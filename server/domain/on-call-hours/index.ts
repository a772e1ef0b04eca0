export {
  isNightTime,
  PAY_BANDS,
  payBandIntervals,
  payBandOf,
  splitByPayBand,
  type BandClock,
  type PayBand,
} from "./pay-bands";
export { MIN_REST_HOURS, restBreaches, type NightPage, type RestBreach } from "./rest-period";
export {
  DUTY_ROLE_ORDER,
  onCallHours,
  type DutyRole,
  type DutyShift,
  type OnCallFacts,
  type OnCallHours,
} from "./person-hours";
