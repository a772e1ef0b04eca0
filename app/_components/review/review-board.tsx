"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/app/_lib/trpc";
import { NoisiestAlerts } from "./noisiest-alerts";
import { ReviewDialog } from "./review-dialog";
import { ReviewItems } from "./review-items";
import { ReviewSummary } from "./review-summary";
import { SilenceDialog } from "./silence-dialog";
import { SilencesList } from "./silences-list";
import type { ActiveSilence, ReviewItemData, ReviewWeekData, SilenceTarget } from "./types";
import { useLiftSilence } from "./use-lift-silence";
import { WeekHandoffs } from "./week-handoffs";

/**
 * The weekly review of a team: summary, noisiest alerts, the items to review, silences in force and the week's
 * hand-off notes. `initial` is what the server rendered; every change refetches it, so the summary follows.
 */
export function ReviewBoard({
  initial,
  teamId,
  to,
  timeZone,
}: {
  initial: ReviewWeekData;
  teamId: string;
  to: Date | null;
  timeZone: string;
}) {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.review.week.queryOptions(to ? { teamId, to } : { teamId }, { initialData: initial }));
  const [reviewing, setReviewing] = useState<ReviewItemData | null>(null);
  const [silencing, setSilencing] = useState<SilenceTarget | null>(null);
  const { lift, pending: lifting } = useLiftSilence(teamId);
  const silenceOf = new Map(data.silences.map((silence) => [silence.alertName, silence]));
  const targetOf = (alertName: string, fixUrl: string | null): SilenceTarget => ({
    alertName,
    silence: silenceOf.get(alertName) ?? null,
    fixUrl,
  });
  const changeSilence = (silence: ActiveSilence) => setSilencing(targetOf(silence.alertName, silence.fixUrl));

  return (
    <>
      <ReviewSummary data={data} />
      <NoisiestAlerts
        alerts={data.noisiestAlerts}
        silences={data.silences}
        timeZone={timeZone}
        onSilence={(alert) => setSilencing(targetOf(alert.alertName, null))}
        onLift={lift}
        lifting={lifting}
      />
      <ReviewItems
        items={data.items}
        timeZone={timeZone}
        silencedNames={new Set(silenceOf.keys())}
        onReview={setReviewing}
        onSilence={(item) => setSilencing(targetOf(item.alertName, item.fixUrl))}
      />
      <div className="grid cols-2 review-side">
        <SilencesList
          silences={data.silences}
          timeZone={timeZone}
          onChange={changeSilence}
          onLift={lift}
          lifting={lifting}
        />
        <WeekHandoffs notes={data.handoffs} timeZone={timeZone} />
      </div>
      <ReviewDialog item={reviewing} teamId={teamId} timeZone={timeZone} onClose={() => setReviewing(null)} />
      <SilenceDialog target={silencing} teamId={teamId} timeZone={timeZone} onClose={() => setSilencing(null)} />
    </>
  );
}
