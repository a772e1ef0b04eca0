"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { messageOf } from "@/app/_lib/field-errors";
import { useTRPC } from "@/app/_lib/trpc";
import { useStatus } from "@/app/_components/app-status";
import { ROLE_LABEL } from "./roles";
import { instantText, spanText } from "./spans";
import type { SwapRequest } from "./types";
import { useRotationsRefresh } from "./use-rotations-refresh";

type Decision = "accept" | "decline" | "cancel";

const DONE: Record<Decision, string> = { accept: "accepted", decline: "declined", cancel: "withdrawn" };
const STATUS_TEXT: Record<SwapRequest["status"], string> = {
  pending: "waiting",
  accepted: "accepted",
  declined: "declined",
  cancelled: "withdrawn",
};
/** Answered requests shown under the waiting ones: enough to see what was decided lately. */
const ANSWERED_SHOWN = 5;

function SwapText({ swap, zone }: { swap: SwapRequest; zone: string }) {
  return (
    <>
      <strong>{swap.requesterName}</strong> asks <strong>{swap.counterpartName}</strong> to take{" "}
      {ROLE_LABEL[swap.role].toLowerCase()} on {swap.rotationName},{" "}
      {spanText(swap.shiftStartsAt, swap.shiftEndsAt, zone)}
      {swap.returnStartsAt && swap.returnEndsAt && (
        <>, taking theirs {spanText(swap.returnStartsAt, swap.returnEndsAt, zone)} in return</>
      )}
      .{swap.note && <span className="swap-note"> “{swap.note}”</span>}
    </>
  );
}

/**
 * Swap requests of the team (or one rotation): the person asked, or a planner or manager, accepts or declines;
 * the person who asked, or a planner or manager, may withdraw. Accepting turns the swap into covers at once.
 */
export function SwapRequests({
  teamId,
  viewerId,
  zone,
  mayPlan,
  initial,
  rotationId,
}: {
  teamId: string;
  viewerId: string;
  zone: string;
  mayPlan: boolean;
  initial: SwapRequest[];
  rotationId?: string;
}) {
  const trpc = useTRPC();
  const announce = useStatus();
  const refresh = useRotationsRefresh();
  const { data } = useQuery(trpc.rotations.listSwaps.queryOptions({ teamId }, { initialData: initial }));
  const respond = useMutation(
    trpc.rotations.respondSwap.mutationOptions({
      onSuccess: ({ swap, warnings }, { decision }) => {
        const leave = warnings.map((w) => w.message).join(" ");
        announce({
          text: `Swap ${DONE[decision]}: ${swap.requesterName} and ${swap.counterpartName}, ${spanText(swap.shiftStartsAt, swap.shiftEndsAt, zone)}.${leave ? ` ${leave}` : ""}`,
          tone: leave ? "info" : "ok",
        });
      },
      onError: (error) => announce({ text: `Could not answer: ${messageOf(error)}`, tone: "error" }),
      onSettled: refresh,
    }),
  );
  const swaps = data.filter((s) => !rotationId || s.rotationId === rotationId);
  const waiting = swaps.filter((s) => s.status === "pending");
  const answered = swaps.filter((s) => s.status !== "pending").slice(0, ANSWERED_SHOWN);
  const busy = (swapId: string) => respond.isPending && respond.variables?.swapId === swapId;

  const actions = (swap: SwapRequest) => {
    // Whoever asked (or was asked for) never answers in place of the person asked; the server refuses it too.
    const askingSide = swap.requesterId === viewerId || swap.askedById === viewerId;
    const mayAnswer = swap.counterpartId === viewerId || (mayPlan && !askingSide);
    const mayWithdraw = swap.requesterId === viewerId || mayPlan;
    const act = (decision: Decision) => respond.mutate({ teamId, swapId: swap.id, decision });
    const who = `${swap.requesterName}'s swap with ${swap.counterpartName}`;
    return (
      <div className="swap-actions thumb-actions">
        {mayAnswer && (
          <>
            <button type="button" className="button small" disabled={busy(swap.id)} onClick={() => act("accept")}>
              Accept<span className="visually-hidden"> {who}</span>
            </button>
            <button
              type="button"
              className="button secondary small"
              disabled={busy(swap.id)}
              onClick={() => act("decline")}
            >
              Decline<span className="visually-hidden"> {who}</span>
            </button>
          </>
        )}
        {mayWithdraw && (
          <button
            type="button"
            className="button secondary small"
            disabled={busy(swap.id)}
            onClick={() => act("cancel")}
          >
            Withdraw<span className="visually-hidden"> {who}</span>
          </button>
        )}
      </div>
    );
  };

  return (
    <>
      {waiting.length === 0 ? (
        <p className="stat-note">No swap waits for an answer.</p>
      ) : (
        <ul className="swap-list" aria-label="Waiting for an answer">
          {waiting.map((swap) => (
            <li key={swap.id} className={swap.counterpartId === viewerId ? "swap for-you" : "swap"}>
              <p className="swap-text">
                {swap.counterpartId === viewerId && <span className="badge planner">for you</span>}{" "}
                <SwapText swap={swap} zone={zone} />
              </p>
              <p className="stat-note">Asked {instantText(swap.createdAt, zone)}</p>
              {actions(swap)}
            </li>
          ))}
        </ul>
      )}
      {answered.length > 0 && (
        <>
          <h3 className="subhead">Answered lately</h3>
          <ul className="swap-list answered">
            {answered.map((swap) => (
              <li key={swap.id} className="swap">
                <p className="swap-text">
                  <span className={`badge swap-${swap.status}`}>{STATUS_TEXT[swap.status]}</span>{" "}
                  <SwapText swap={swap} zone={zone} />
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
