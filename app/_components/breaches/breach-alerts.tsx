"use client";

import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { messageOf } from "@/app/_lib/field-errors";
import { useTRPC } from "@/app/_lib/trpc";
import { useStatus } from "@/app/_components/app-status";
import type { MyBreachItem } from "./types";

const CAP_NAMES = { toil: "toil", "on-call": "on-call" } as const;

/**
 * One alert per breach the engineer has not put away: what crossed which cap (or is projected to), a link to
 * their share, and Dismiss. Refetched when something is logged, so a breach shows as soon as it happens.
 */
export function BreachAlerts({ initial }: { initial: MyBreachItem[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const announce = useStatus();
  const filter = trpc.breaches.mine.queryFilter();
  const { data } = useQuery(trpc.breaches.mine.queryOptions(undefined, { initialData: initial }));
  const dismiss = useMutation(
    trpc.breaches.acknowledge.mutationOptions({
      onMutate: async ({ breachId }) => {
        await queryClient.cancelQueries(filter);
        const before = queryClient.getQueryData(trpc.breaches.mine.queryKey());
        queryClient.setQueryData(trpc.breaches.mine.queryKey(), (list) => list?.filter((b) => b.id !== breachId));
        return { before };
      },
      onSuccess: () => announce({ text: "Dismissed. Your managers still see it in the team's report." }),
      onError: (failure, _input, context) => {
        if (context?.before) queryClient.setQueryData(trpc.breaches.mine.queryKey(), context.before);
        announce({ text: `Could not dismiss: ${messageOf(failure)}`, tone: "error" });
      },
      onSettled: () => queryClient.invalidateQueries(filter),
    }),
  );
  if (data.length === 0) return null;
  return (
    <section className="breach-alerts" aria-labelledby="breach-alerts-heading">
      <h2 id="breach-alerts-heading" className="visually-hidden">
        Cap breaches
      </h2>
      <ul>
        {data.map((breach) => {
          const capName = `${CAP_NAMES[breach.kind]} cap`;
          const textId = `breach-${breach.id}`;
          return (
            <li key={breach.id} className={`alert breach-alert ${breach.projected ? "projected" : "actual"}`}>
              <p id={textId}>
                <strong>{breach.projected ? `Heading over the ${capName}.` : `Over the ${capName}.`}</strong>{" "}
                {breach.message}
              </p>
              <div className="breach-alert-actions">
                <Link href="/share">See My share</Link>
                <button
                  type="button"
                  className="button small secondary"
                  aria-describedby={textId}
                  onClick={() => dismiss.mutate({ breachId: breach.id })}
                  disabled={dismiss.isPending && dismiss.variables.breachId === breach.id}
                >
                  Dismiss<span className="visually-hidden"> the {capName} alert</span>
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
