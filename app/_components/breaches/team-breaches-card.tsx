import { DateTime } from "luxon";
import { mayActInTeam } from "@/server/auth/permissions";
import { breachPercent } from "@/server/domain/breaches/breach-text";
import { signedInCaller } from "@/server/trpc/server";
import { localDateTime } from "@/app/_lib/format";
import { deliveryText } from "./delivery-text";
import { scrollRegion } from "@/app/_components/scroll-region";

const STATUS_BADGE = { sent: "under", pending: "subtle", failed: "over", none: "subtle" } as const;

/**
 * Team reports, for the team's managers (and admins): every cap breach of the current month, whose webhook
 * went where. Renders nothing for anyone else (the procedure would refuse them).
 */
export async function TeamBreachesCard({ teamId }: { teamId: string }) {
  const caller = await signedInCaller();
  const viewer = await caller.viewer.me();
  if (!mayActInTeam(viewer, teamId, ["manager"])) return null;
  const { month, breaches } = await caller.breaches.team({ teamId });
  const monthName = DateTime.fromISO(`${month}-01`).setLocale("en-GB").toFormat("LLLL yyyy");
  return (
    <section className="card report-card breaches-card" aria-labelledby="team-breaches-heading">
      <h2 id="team-breaches-heading">Cap breaches this month</h2>
      <p className="stat-note">
        {monthName}, each engineer&apos;s own calendar month. A breach is recorded once per engineer and cap when their
        share goes over the cap, or the schedule projects it to by the month&apos;s end; the webhook is set in Settings.
      </p>
      {breaches.length === 0 ? (
        <p>Nobody has gone over a cap this month, or is projected to.</p>
      ) : (
        <div {...scrollRegion("Breaches by person")}>
          <table>
            <caption className="visually-hidden">Cap breaches in {monthName}</caption>
            <thead>
              <tr>
                <th scope="col">Engineer</th>
                <th scope="col">Cap</th>
                <th scope="col" className="num">
                  Share
                </th>
                <th scope="col">Kind</th>
                <th scope="col">Detected</th>
                <th scope="col">Webhook</th>
                <th scope="col">Seen</th>
              </tr>
            </thead>
            <tbody>
              {breaches.map((breach) => (
                <tr key={breach.id}>
                  <th scope="row">{breach.name}</th>
                  <td>{breach.kind === "toil" ? "Toil" : "On-call"}</td>
                  <td className="num">
                    {breachPercent(breach.share, breach.cap)}{" "}
                    <span className="stat-note">of {breachPercent(breach.cap, breach.cap)}</span>
                  </td>
                  <td>
                    <span className={`badge ${breach.projected ? "subtle" : "over"}`}>
                      {breach.projected ? "projected" : "actual"}
                    </span>
                  </td>
                  <td className="nowrap">{localDateTime(breach.detectedAt, viewer.timeZone)}</td>
                  <td>
                    <span className={`badge ${STATUS_BADGE[breach.deliveryStatus]}`}>{deliveryText(breach)}</span>
                  </td>
                  <td className="nowrap">
                    {breach.acknowledgedAt ? localDateTime(breach.acknowledgedAt, viewer.timeZone) : "not yet"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
