import type { service, toilTemplate } from "@/db/schema";
import { personOf, type DemoContext } from "./context";
import type { DemoTeamKey } from "./roster";
import { DATA_SERVICES, PLATFORM_SERVICES, PLATFORM_TEMPLATES, type ServiceSpec, type TemplateSpec } from "./services";

export interface Catalogue {
  services: Array<typeof service.$inferInsert>;
  templates: Array<typeof toilTemplate.$inferInsert>;
  serviceId(team: DemoTeamKey, name: string): string;
  templateId(name: string): string;
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`demo catalogue has no ${what}`);
  return value;
}

export function buildCatalogue(context: DemoContext): Catalogue {
  const serviceIds = new Map<string, string>();
  const serviceRows = (team: DemoTeamKey, specs: ServiceSpec[]) =>
    specs.map((spec) => {
      const id = context.newId();
      serviceIds.set(`${team}:${spec.name}`, id);
      return { id, teamId: context.teamIds[team], name: spec.name, ...spec.traits, createdAt: context.setupAt };
    });
  const services = [...serviceRows("platform", PLATFORM_SERVICES), ...serviceRows("data", DATA_SERVICES)];
  const serviceId = (team: DemoTeamKey, name: string) => required(serviceIds.get(`${team}:${name}`), `service ${name}`);

  const templateIds = new Map<string, string>();
  const planner = personOf(context, "priya");
  const templates = PLATFORM_TEMPLATES.map((spec: TemplateSpec) => {
    const id = context.newId();
    templateIds.set(spec.name, id);
    return {
      id,
      teamId: context.teamIds.platform,
      name: spec.name,
      serviceId: serviceId("platform", spec.service),
      defaultMinutes: spec.minutes,
      category: "toil" as const,
      ...spec.traits,
      createdById: planner.id,
      createdAt: context.setupAt,
    };
  });
  return { services, templates, serviceId, templateId: (name) => required(templateIds.get(name), `template ${name}`) };
}
