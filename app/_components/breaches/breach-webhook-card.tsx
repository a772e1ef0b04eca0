import { mayActInTeam } from "@/server/auth/permissions";
import { signedInCaller } from "@/server/trpc/server";
import { BreachWebhookForm } from "./breach-webhook-form";

/** Settings, for the team's managers: where cap-breach notifications go. Nothing for anyone else. */
export async function BreachWebhookCard({ teamId }: { teamId: string }) {
  const caller = await signedInCaller();
  const viewer = await caller.viewer.me();
  if (!mayActInTeam(viewer, teamId, ["manager"])) return null;
  const { url, hasSigningSecret } = await caller.breaches.getWebhook({ teamId });
  return (
    <section className="card breach-webhook-card" aria-labelledby="breach-webhook-heading">
      <h2 id="breach-webhook-heading">Cap-breach notifications</h2>
      <p className="stat-note">
        When an engineer&apos;s toil or on-call share this month goes over the team&apos;s cap, or the schedule projects
        it to by the month&apos;s end, Toilcap shows it on their home page and here under Team reports, and POSTs one
        JSON message (<code>toilcap.cap_breach</code>) to this URL: once per engineer, cap and month, retried up to 5
        times, signed with the team&apos;s secret (Standard Webhooks). Only public internet addresses are reached.
      </p>
      <BreachWebhookForm teamId={teamId} initialUrl={url} initialHasSecret={hasSigningSecret} />
    </section>
  );
}
