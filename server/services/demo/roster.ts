export type DemoTeamKey = "platform" | "data";
export type DemoTeamRole = "engineer" | "manager" | "planner";
export type Workload = "heavy" | "growing" | "regular" | "light";

export interface DemoPersonSpec {
  /** First name in lower case: the email's local part, and how the rest of the demo refers to them. */
  key: string;
  name: string;
  timeZone: string;
  workDays?: number[];
  workStartMinute?: number;
  workEndMinute?: number;
  isAdmin?: boolean;
  teams: Array<{ team: DemoTeamKey; roles: DemoTeamRole[] }>;
  /** How much toil they log; people without one log nothing (admin, manager). */
  workload?: Workload;
  /** Shown to whoever tries the demo. */
  roles: string;
}

const BERLIN = "Europe/Berlin";
const NEW_YORK = "America/New_York";
const engineerOf = (team: DemoTeamKey) => [{ team, roles: ["engineer" as const] }];

export const DEMO_DOMAIN = "northwind.example";

// Erik comes first: he is the engineer the demo is introduced with.
export const ROSTER: DemoPersonSpec[] = [
  {
    key: "erik",
    name: "Erik Lindqvist",
    timeZone: BERLIN,
    teams: engineerOf("platform"),
    workload: "regular",
    roles: "engineer",
  },
  {
    key: "maria",
    name: "Maria Schneider",
    timeZone: BERLIN,
    teams: [{ team: "platform", roles: ["manager"] }],
    roles: "manager",
  },
  {
    key: "priya",
    name: "Priya Raman",
    timeZone: BERLIN,
    teams: [{ team: "platform", roles: ["engineer", "planner"] }],
    workload: "regular",
    roles: "engineer, planner",
  },
  { key: "admin", name: "Northwind Admin", timeZone: BERLIN, isAdmin: true, teams: [], roles: "admin" },
  {
    key: "lukas",
    name: "Lukas Becker",
    timeZone: BERLIN,
    teams: engineerOf("platform"),
    workload: "heavy",
    roles: "engineer (heavy toil)",
  },
  {
    key: "amara",
    name: "Amara Okafor",
    timeZone: BERLIN,
    workStartMinute: 8 * 60,
    workEndMinute: 16 * 60,
    teams: engineerOf("platform"),
    workload: "regular",
    roles: "engineer (works 08:00-16:00)",
  },
  {
    key: "jonas",
    name: "Jonas Hoffmann",
    timeZone: BERLIN,
    workDays: [1, 2, 3, 4],
    teams: engineerOf("platform"),
    workload: "regular",
    roles: "engineer (part time, Mon-Thu)",
  },
  {
    key: "sofia",
    name: "Sofía Herrera",
    timeZone: BERLIN,
    teams: engineerOf("platform"),
    workload: "regular",
    roles: "engineer",
  },
  {
    key: "daniel",
    name: "Daniel Kim",
    timeZone: NEW_YORK,
    teams: engineerOf("platform"),
    workload: "growing",
    roles: "engineer (toil growing)",
  },
  {
    key: "grace",
    name: "Grace Thompson",
    timeZone: NEW_YORK,
    teams: engineerOf("platform"),
    workload: "light",
    roles: "engineer (light toil)",
  },
  {
    key: "mateo",
    name: "Mateo Álvarez",
    timeZone: NEW_YORK,
    teams: engineerOf("platform"),
    workload: "regular",
    roles: "engineer",
  },
  {
    key: "hannah",
    name: "Hannah Cohen",
    timeZone: NEW_YORK,
    teams: engineerOf("platform"),
    workload: "regular",
    roles: "engineer",
  },
  {
    key: "wei",
    name: "Wei Zhang",
    timeZone: BERLIN,
    teams: engineerOf("data"),
    workload: "regular",
    roles: "engineer (Data Platform)",
  },
  {
    key: "olga",
    name: "Olga Petrova",
    timeZone: BERLIN,
    teams: engineerOf("data"),
    workload: "regular",
    roles: "engineer (Data Platform)",
  },
  {
    key: "kwame",
    name: "Kwame Mensah",
    timeZone: "Europe/London",
    teams: engineerOf("data"),
    workload: "light",
    roles: "engineer (Data Platform)",
  },
];

export const emailOf = (key: string): string => `${key}@${DEMO_DOMAIN}`;
