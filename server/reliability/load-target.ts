import { type Session, signIn, trpcData, trpcMutation, trpcQuery } from "./http-client";

/** The demo's password and the Platform SRE people the load signs in as (README: demo accounts). */
const DEMO_PASSWORD = "toilcap-demo";
const ENGINEERS = ["erik", "lukas", "amara", "jonas", "sofia", "daniel", "grace", "mateo", "hannah"];
const domain = "northwind.example";

/** A demo server made ready for load: sessions of several engineers and the manager, an Alertmanager integration. */
export interface LoadTarget {
  baseUrl: string;
  teamId: string;
  engineers: Session[];
  manager: Session;
  alertSecret: string;
}

export async function prepareLoadTarget(baseUrl: string): Promise<LoadTarget> {
  const engineers = await Promise.all(ENGINEERS.map((name) => signIn(baseUrl, `${name}@${domain}`, DEMO_PASSWORD)));
  const manager = await signIn(baseUrl, `maria@${domain}`, DEMO_PASSWORD);
  const planner = await signIn(baseUrl, `priya@${domain}`, DEMO_PASSWORD);
  const me = trpcData<{ memberships: Array<{ teamId: string; teamName: string }> }>(
    await trpcQuery(baseUrl, manager, "viewer.me"),
  );
  const teamId = me.memberships.find((m) => m.teamName === "Platform SRE")?.teamId;
  if (!teamId) throw new Error("the demo manager is not in Platform SRE");
  const rotations = trpcData<Array<{ id: string; role: string }>>(
    await trpcQuery(baseUrl, planner, "rotations.list", { teamId }),
  );
  const primary = rotations.find((r) => r.role === "primary");
  if (!primary) throw new Error("the demo team has no primary rotation");
  const created = trpcData<{ secret: string }>(
    await trpcMutation(baseUrl, planner, "integrations.create", {
      teamId,
      name: `Load test ${Date.now().toString(36)}`,
      rotationId: primary.id,
    }),
  );
  return { baseUrl, teamId, engineers, manager, alertSecret: created.secret };
}
