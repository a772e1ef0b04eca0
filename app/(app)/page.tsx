import type { Metadata } from "next";
import { serverCaller } from "@/server/trpc/server";
import { QuickActions, TemplateShortcuts } from "./_my-work/quick-actions";
import { RecentEntries } from "./_my-work/recent-entries";
import { WeekShareCards } from "./_my-work/share-cards";

export const metadata: Metadata = { title: "My work" };

const RECENT_LIMIT = 8;

export default async function MyWorkPage() {
  const caller = await serverCaller();
  const viewer = await caller.viewer.me();
  const inTeam = viewer.memberships.length > 0;
  const [entries, share] = await Promise.all([
    caller.workLog.recent({ limit: RECENT_LIMIT }),
    inTeam ? caller.share.mine({ period: "week" }) : Promise.resolve(null),
  ]);
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
      {!inTeam && (
        <div className="alert info" role="status">
          {viewer.isAdmin
            ? "You administer this Toilcap. Create a team in Settings and invite its people."
            : "You are not in a team yet: ask a manager to add you."}
        </div>
      )}
      {inTeam && (
        <>
          <div className="home-grid">
            {share && <WeekShareCards initial={share} />}
            <QuickActions />
          </div>
          <TemplateShortcuts />
        </>
      )}
      <h2 className="section-title">Latest entries</h2>
      <RecentEntries initial={entries} limit={RECENT_LIMIT} timeZone={viewer.timeZone} />
    </>
  );
}
