export {
  AVERAGE_MONTH_DAYS,
  AVERAGE_YEAR_DAYS,
  AVERAGE_MONTH_MS,
  AVERAGE_YEAR_MS,
  hoursPerMonth,
  sourceRates,
  type SourceRates,
} from "./rates";
export { automationPayback, type Payback, type PaybackInput } from "./payback";
export { measuredSavings, type MeasuredSavings } from "./measured";
export { rankByCost, type ParetoShares } from "./pareto";
