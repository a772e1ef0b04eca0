import { serverNow } from "@/server/clock";
import type { Metadata } from "next";
import { signedInCaller } from "@/server/trpc/server";
import { CaptureInbox } from "@/app/_components/capture/capture-inbox";
import { HandoffCard } from "@/app/_components/handoffs/handoff-card";
import { MyBreachAlerts } from "@/app/_components/breaches/my-breach-alerts";
import { JoinRequests } from "@/app/_components/people/join-requests";
import { NextShiftsCard } from "./_my-work/next-shifts";
import { OnCallNowCard } from "./_my-work/on-call-now";
import { QuickActions, TemplateShortcuts } from "./_my-work/quick-actions";
import { RecentEntries } from "./_my-work/recent-entries";
import { WeekShareCards } from "./_my-work/share-cards";

export const metadata: Metadata = { title: "My work" };

const RECENT_LIMIT = 8;
const NEXT_SHIFTS_LIMIT = 4;

export default async function MyWorkPage() {
  const caller = await signedInCaller();
  const viewer = await caller.viewer.me();
  const inTeam = viewer.memberships.length > 0;
  const teamId = viewer.memberships[0]?.teamId ?? null;
  const [entries, share, duty, captured, joinRequests] = await Promise.all([
    caller.workLog.recent({ limit: RECENT_LIMIT }),
    inTeam ? caller.share.mine({ period: "week" }) : Promise.resolve(null),
    teamId
      ? Promise.all([
          caller.rotations.onCallNow({ teamId }),
          caller.rotations.myNextShifts({ limit: NEXT_SHIFTS_LIMIT }),
          caller.rotations.listSwaps({ teamId }),
        ])
      : Promise.resolve(null),
    caller.capture.inbox(),
    caller.invitations.mine(),
  ]);
  const now = serverNow();
  const firstName = viewer.name.split(" ")[0] ?? viewer.name;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Hello, {firstName}</h1>
          <p>
            Your toil and interrupts, in your time zone ({viewer.timeZone}). Press <kbd>N</kbd> anywhere to log toil.
          </p>
        </div>
      </div>
      {joinRequests.length > 0 && <JoinRequests requests={joinRequests} />}
      {!inTeam && (
        <div className="alert info" role="status">
          {viewer.isAdmin
            ? "You administer this Toilcap. Create a team in Settings and invite its people."
            : "You are not in a team yet: ask a manager to add you."}
        </div>
      )}
      {inTeam && <MyBreachAlerts />}
      {/* Shown only while pages wait, so a quiet week keeps the page calm. */}
      {captured.length > 0 && <CaptureInbox initial={captured} timeZone={viewer.timeZone} />}
      {inTeam && (
        <>
          <div className="home-grid">
            {share && <WeekShareCards initial={share} />}
            <QuickActions />
          </div>
          {teamId && duty && (
            <div className="home-duty">
              <OnCallNowCard teamId={teamId} viewerId={viewer.personId} zone={viewer.timeZone} initial={duty[0]} />
              <HandoffCard teamId={teamId} zone={viewer.timeZone} />
              <NextShiftsCard
                teamId={teamId}
                viewerId={viewer.personId}
                zone={viewer.timeZone}
                limit={NEXT_SHIFTS_LIMIT}
                initial={duty[1]}
                initialSwaps={duty[2]}
                now={now}
              />
            </div>
          )}
          <TemplateShortcuts />
        </>
      )}
      <h2 className="section-title">Latest entries</h2>
      <RecentEntries initial={entries} limit={RECENT_LIMIT} timeZone={viewer.timeZone} />
    </>
  );
}
