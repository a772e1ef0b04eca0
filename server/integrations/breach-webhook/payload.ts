import { DateTime } from "luxon";
import { breachSentence, type CapKind } from "@/server/domain/breaches";

/** The event type receivers route on; version changes would get a new type, never a changed shape. */
export const BREACH_EVENT_TYPE = "toilcap.cap_breach";

/**
 * The JSON body POSTed to a team's webhook for one breach (README: "Cap-breach notifications"). Shares and
 * limits are fractions (0.62 is 62%); the period is [from, to) on the engineer's calendar, with offsets.
 */
export interface BreachPayload {
  type: typeof BREACH_EVENT_TYPE;
  /** The breach's id: the same on every retry, so a receiver can drop duplicates. */
  id: string;
  /** True only for Settings' "Send test". */
  test: boolean;
  team: { id: string; name: string };
  engineer: { id: string; name: string; email: string };
  cap: CapKind;
  share: number;
  limit: number;
  /** True when only the schedule's projection for the whole period crosses the cap, so far. */
  projected: boolean;
  period: { from: string; to: string; timeZone: string };
  detectedAt: string;
  /** One readable sentence, ready for a chat message. */
  summary: string;
  reportUrl: string;
}

export interface BreachEvent {
  id: string;
  test?: boolean;
  /** The team's zone: its breach months are months on its calendar. */
  team: { id: string; name: string; timeZone: string };
  engineer: { id: string; name: string; email: string; timeZone: string };
  kind: CapKind;
  share: number;
  cap: number;
  projected: boolean;
  periodStart: Date;
  periodEnd: Date;
  detectedAt: Date;
}

/**
 * The Team reports page for the breach's month, as a custom range of its first and last day. Absolute when the
 * public address is configured (BETTER_AUTH_URL), else a path for the receiver to resolve.
 */
export function reportUrlOf(
  teamId: string,
  periodStart: Date,
  periodEnd: Date,
  timeZone: string,
  base = process.env.BETTER_AUTH_URL,
): string {
  const day = (instant: number) => DateTime.fromMillis(instant, { zone: timeZone }).toISODate() ?? "";
  const query = new URLSearchParams({
    team: teamId,
    period: "custom",
    from: day(periodStart.getTime()),
    to: day(periodEnd.getTime() - 1),
  });
  const path = `/reports?${query.toString()}`;
  if (!base) return path;
  try {
    return new URL(path, base).toString();
  } catch {
    return path;
  }
}

export function breachPayload(facts: BreachEvent, base = process.env.BETTER_AUTH_URL): BreachPayload {
  const zone = facts.team.timeZone;
  const iso = (at: Date) => DateTime.fromJSDate(at, { zone }).toISO() ?? at.toISOString();
  const month = DateTime.fromJSDate(facts.periodStart, { zone }).setLocale("en-GB").toFormat("LLLL yyyy");
  return {
    type: BREACH_EVENT_TYPE,
    id: facts.id,
    test: facts.test ?? false,
    team: { id: facts.team.id, name: facts.team.name },
    engineer: { id: facts.engineer.id, name: facts.engineer.name, email: facts.engineer.email },
    cap: facts.kind,
    share: facts.share,
    limit: facts.cap,
    projected: facts.projected,
    period: { from: iso(facts.periodStart), to: iso(facts.periodEnd), timeZone: zone },
    detectedAt: facts.detectedAt.toISOString(),
    summary: breachSentence(
      {
        kind: facts.kind,
        share: facts.share,
        cap: facts.cap,
        projected: facts.projected,
        periodEnd: facts.periodEnd,
        timeZone: zone,
      },
      { whose: `${facts.engineer.name}'s`, period: `in ${month}`, capOwner: `${facts.team.name}'s` },
    ),
    reportUrl: reportUrlOf(facts.team.id, facts.periodStart, facts.periodEnd, zone, base),
  };
}
