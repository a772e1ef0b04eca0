import { hoursText, shareText } from "@/app/_components/work/datetime";
import type { DrillDownData } from "./types";

type Accounting = NonNullable<DrillDownData["accounting"]>;

/** The person's numbers for the span, which the shifts and entries below explain (docs/accounting.md's rules 1-7). */
export function DrillShare({ accounting: a }: { accounting: Accounting }) {
  const items: Array<[string, string, boolean]> = [
    ["Toil share", shareText(a.toilShare), true],
    ["On-call share", shareText(a.onCallShare), true],
    ["Duty", hoursText(a.duty), false],
    ["Logged toil", hoursText(a.logged), false],
    ["After hours", hoursText(a.afterHours), false],
    ["Operational", hoursText(a.operational), true],
    ["Worked", hoursText(a.worked), true],
  ];
  return (
    <dl className="breakdown drill-breakdown">
      {items.map(([label, value, total]) => (
        <div key={label} className={total ? "breakdown-total" : undefined}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
