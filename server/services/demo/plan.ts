import type { absence } from "@/db/schema";
import { planAbsences } from "./absence-plan";
import { demoWindow } from "./calendar";
import { buildCatalogue, type Catalogue } from "./catalogue-rows";
import { personOf, resolvePeople, type DemoContext } from "./context";
import { planDuty } from "./duty-plan";
import type { WorkEntryRow } from "./entry-row";
import type { InterruptRow } from "./interrupt-row";
import { applyOverride, planOverride } from "./override-plan";
import { planPages } from "./page-plan";
import { buildPeopleRows, demoAccounts, type DemoAccount, type PeopleRows } from "./people-rows";
import { seededRandom } from "./prng";
import { buildRotationRows, type RotationRows } from "./rotation-rows";
import { planRoutineWork } from "./routine-plan";
import { planTicketsAndRequests } from "./ticket-plan";
import { Timelines } from "./timeline";

// Any fixed number: the demo depends on `now` only.
const DEMO_SEED = 20_240_611;

export interface DemoPlan extends PeopleRows, RotationRows {
  absences: Array<typeof absence.$inferInsert>;
  services: Catalogue["services"];
  templates: Catalogue["templates"];
  interrupts: InterruptRow[];
  entries: WorkEntryRow[];
  demoAccounts: DemoAccount[];
  platformTeamId: string;
}

/** Every row of the demo, computed in memory so that writing it is a handful of multi-row inserts. */
export function buildDemoPlan(
  now: Date,
  password: string,
  passwordHash: string,
  newId: () => string = () => crypto.randomUUID(),
): DemoPlan {
  const window = demoWindow(now);
  const context: DemoContext = {
    window,
    random: seededRandom(DEMO_SEED),
    newId,
    people: resolvePeople(newId),
    teamIds: { platform: newId(), data: newId() },
    setupAt: window.firstMonday.minus({ weeks: 2 }).toJSDate(),
  };
  const catalogue = buildCatalogue(context);
  const planned = planDuty(window);
  const absences = planAbsences(context);
  const override = planOverride(context, planned, absences);
  const held = applyOverride(planned, override);
  // Interrupt work is booked first: it happens when it happens, routine work fits around it.
  const timelines = new Timelines();
  const pages = planPages(context, catalogue, timelines, held);
  const tickets = planTicketsAndRequests(context, catalogue, timelines, held, absences);
  const routine = planRoutineWork(context, catalogue, timelines, absences);
  return {
    ...buildPeopleRows(context, newId(), passwordHash),
    ...buildRotationRows(context, held, override),
    absences: absences.map((a) => ({
      personId: personOf(context, a.personKey).id,
      kind: a.kind,
      startsAt: new Date(a.start),
      endsAt: new Date(a.end),
      note: a.note,
      createdAt: context.setupAt,
    })),
    services: catalogue.services,
    templates: catalogue.templates,
    interrupts: [...pages.interrupts, ...tickets.interrupts],
    entries: [...pages.entries, ...tickets.entries, ...routine],
    demoAccounts: demoAccounts(context, password),
    platformTeamId: context.teamIds.platform,
  };
}
