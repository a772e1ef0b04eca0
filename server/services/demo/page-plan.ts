import { DATA_ALERTS, PLATFORM_ALERTS, type AlertSpec } from "./alerts";
import { wallClockMs, DEMO_ZONE, MINUTE_MS, type DemoWindow } from "./calendar";
import type { Catalogue } from "./catalogue-rows";
import { loggersOf, personOf, type DemoContext } from "./context";
import { holderAt, type PlannedShift } from "./duty-plan";
import { entryRow, loggedMinutes } from "./entry-row";
import { resolvedBy, reviewed, type InterruptPlan } from "./interrupt-row";
import type { Random } from "./prng";
import type { DemoTeamKey } from "./roster";
import type { Timelines } from "./timeline";
import { traits } from "./traits";

const PAGE_WORK = traits("manual", "repetitive", "tactical", "noEnduringValue");
const INCIDENT_WORK = traits("manual", "tactical");

/** Most alerts fire while Europe and America are awake and deploying; the rest at any hour, nights included. */
function pageInstant(random: Random, window: DemoWindow, week: number): number {
  const day = week * 7 + random.int(0, 6);
  const minute = random.chance(0.6) ? random.int(7 * 60, 23 * 60) : random.int(0, 1439);
  return wallClockMs(window, DEMO_ZONE, day, minute);
}

/** Alertmanager fingerprints: 16 hex digits, unique per team and source. */
function fingerprint(random: Random, used: Set<string>): string {
  for (;;) {
    const candidate = Array.from({ length: 16 }, () => random.int(0, 15).toString(16)).join("");
    if (!used.has(candidate)) {
      used.add(candidate);
      return candidate;
    }
  }
}

interface PageTarget {
  team: DemoTeamKey;
  alerts: AlertSpec[];
  perWeek: [number, number];
  /** Who answers a page at that instant, and who helps with an incident. */
  responders(instant: number, week: number): { primary?: string; helper?: string };
}

function pagesFor(context: DemoContext, catalogue: Catalogue, timelines: Timelines, target: PageTarget): InterruptPlan {
  const { random, window } = context;
  const plan: InterruptPlan = { interrupts: [], entries: [] };
  const used = new Set<string>();
  for (let week = 0; week < window.weekCount; week += 1) {
    const count = random.int(...target.perWeek);
    for (let i = 0; i < count; i += 1) {
      const openedAt = pageInstant(random, window, week);
      const alert = random.weighted(target.alerts, (a) => a.weight);
      const isIncident = random.chance(alert.incidentChance);
      const { primary, helper } = target.responders(openedAt, week);
      if (openedAt >= window.nowMs || primary === undefined) continue;
      const id = context.newId();
      const response = random.pick(alert.responses.filter((r) => r.actionable || !isIncident));
      // Noise is quick to dismiss; real problems take a while, incidents hours.
      const resolveMinutes = isIncident
        ? random.int(60, 300)
        : response.actionable
          ? random.int(15, 75)
          : random.int(4, 20);
      plan.interrupts.push({
        id,
        teamId: context.teamIds[target.team],
        kind: "page",
        source: "alertmanager",
        externalId: fingerprint(random, used),
        alertName: alert.name,
        service: alert.service,
        severity: isIncident ? "critical" : alert.severity === "critical" ? "high" : alert.severity,
        summary: alert.describe(random),
        isIncident,
        actionable: isIncident ? true : reviewed(random, openedAt, window) ? response.actionable : null,
        openedAt: new Date(openedAt),
        resolvedAt: resolvedBy(openedAt, resolveMinutes, window),
        assigneeId: personOf(context, primary).id,
        createdAt: new Date(openedAt),
      });
      // Some pages resolve before anyone logs time on them.
      if (!isIncident && random.chance(0.15)) continue;
      const responders = isIncident && helper ? [primary, helper] : [primary];
      for (const [index, key] of responders.entries()) {
        const wanted = loggedMinutes(resolveMinutes + random.int(5, 20));
        const answeredAt = openedAt + (random.int(1, 6) + index * 10) * MINUTE_MS;
        const start = timelines.book(key, answeredAt, wanted, window.nowMs);
        if (start === null) continue;
        plan.entries.push(
          entryRow({
            personId: personOf(context, key).id,
            teamId: context.teamIds[target.team],
            start,
            minutes: wanted,
            category: "toil",
            traits: isIncident ? INCIDENT_WORK : PAGE_WORK,
            summary:
              index === 0
                ? `${response.work} (${alert.name})`
                : `Helped the primary with the ${alert.name} incident on ${alert.service}`,
            source: random.chance(0.5) ? "capture" : "manual",
            serviceId: catalogue.serviceId(target.team, alert.service),
            interruptId: id,
          }),
        );
      }
    }
  }
  return plan;
}

/** Platform pages go to whoever held primary at that moment; the secondary joins incidents. Data Platform has no rotation: one person a week answers. */
export function planPages(
  context: DemoContext,
  catalogue: Catalogue,
  timelines: Timelines,
  shifts: readonly PlannedShift[],
): InterruptPlan {
  const platform = pagesFor(context, catalogue, timelines, {
    team: "platform",
    alerts: PLATFORM_ALERTS,
    perWeek: [5, 10],
    responders: (instant) => ({
      primary: holderAt(shifts, "primary", instant),
      helper: holderAt(shifts, "secondary", instant),
    }),
  });
  const dataPeople = loggersOf(context, "data");
  const data = pagesFor(context, catalogue, timelines, {
    team: "data",
    alerts: DATA_ALERTS,
    perWeek: [1, 2],
    responders: (_instant, week) => ({ primary: dataPeople[week % dataPeople.length]?.key }),
  });
  return { interrupts: [...platform.interrupts, ...data.interrupts], entries: [...platform.entries, ...data.entries] };
}
