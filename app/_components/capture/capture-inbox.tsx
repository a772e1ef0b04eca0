"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { type FieldErrors, fieldErrorsOf, messageOf } from "@/app/_lib/field-errors";
import { formatMinutes } from "@/app/_lib/format";
import { useTRPC } from "@/app/_lib/trpc";
import { useStatus } from "@/app/_components/app-status";
import { CapturedItem } from "./captured-item";
import type { CaptureInboxItem } from "./types";

/**
 * The signed-in engineer's captured pages (from Alertmanager) and tickets (from a ticket webhook or a CSV import),
 * one item per incident or ticket, newest first: confirm the
 * suggested time with one click (or edit it first), or dismiss with Undo. After either, focus moves to the next
 * item's time field (or the heading), so keyboard users keep their place.
 *
 * `initial` is what the server rendered (`caller.capture.inbox()`); without it the list loads in the browser.
 */
export function CaptureInbox({ initial, timeZone }: { initial?: CaptureInboxItem[]; timeZone: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const announce = useStatus();
  const {
    data: items,
    isPending,
    error,
  } = useQuery(trpc.capture.inbox.queryOptions(undefined, initial ? { initialData: initial } : {}));
  const [busyId, setBusyId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, FieldErrors>>({});
  const headingRef = useRef<HTMLHeadingElement>(null);
  const fieldRefs = useRef(new Map<string, HTMLInputElement>());
  const inboxKey = trpc.capture.inbox.queryKey();

  /** Takes the item out of the list at once; the returned snapshot puts it back if the server refuses. */
  async function takeOut(interruptId: string) {
    await queryClient.cancelQueries({ queryKey: inboxKey });
    const before = queryClient.getQueryData(inboxKey);
    const list = before ?? [];
    const index = list.findIndex((item) => item.interruptId === interruptId);
    const next = list[index + 1] ?? list[index - 1];
    queryClient.setQueryData(
      inboxKey,
      list.filter((item) => item.interruptId !== interruptId),
    );
    // After React has drawn the shorter list.
    window.requestAnimationFrame(() => {
      const field = next ? fieldRefs.current.get(next.interruptId) : undefined;
      (field ?? headingRef.current)?.focus();
    });
    return { before };
  }

  const refreshInbox = () => queryClient.invalidateQueries(trpc.capture.inbox.pathFilter());
  const refreshWork = () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.workLog.pathFilter()),
      queryClient.invalidateQueries(trpc.share.pathFilter()),
    ]);

  const confirm = useMutation(
    trpc.capture.confirm.mutationOptions({
      onMutate: async ({ interruptId }) => {
        setBusyId(interruptId);
        setErrors(({ [interruptId]: _cleared, ...rest }) => rest);
        return takeOut(interruptId);
      },
      onError: (failure, { interruptId }, context) => {
        queryClient.setQueryData(inboxKey, context?.before);
        const fields = fieldErrorsOf(failure);
        setErrors((all) => ({ ...all, [interruptId]: fields }));
        if (!fields.minutes) announce({ text: `Could not confirm: ${messageOf(failure)}`, tone: "error" });
        // Back to the item that failed, so its message is read and the time can be fixed.
        window.requestAnimationFrame(() => fieldRefs.current.get(interruptId)?.focus());
      },
      onSuccess: (result) =>
        announce({ text: `Logged ${formatMinutes(result.entry.minutes)}: ${result.entry.summary}` }),
      onSettled: () => {
        setBusyId(null);
        return Promise.all([refreshInbox(), refreshWork()]);
      },
    }),
  );
  const restore = useMutation(
    trpc.capture.restore.mutationOptions({
      onSuccess: () => announce({ text: "Back in your inbox." }),
      onError: (failure) => announce({ text: `Could not undo: ${messageOf(failure)}`, tone: "error" }),
      onSettled: refreshInbox,
    }),
  );
  const dismiss = useMutation(
    trpc.capture.dismiss.mutationOptions({
      onMutate: async ({ interruptId }) => {
        setBusyId(interruptId);
        return takeOut(interruptId);
      },
      onError: (failure, _input, context) => {
        queryClient.setQueryData(inboxKey, context?.before);
        announce({ text: `Could not dismiss: ${messageOf(failure)}`, tone: "error" });
      },
      onSuccess: (_result, { interruptId }, taken) => {
        const kind = taken?.before?.find((item) => item.interruptId === interruptId)?.kind;
        announce({
          text: kind === "ticket" ? "Ticket dismissed." : "Page dismissed.",
          tone: "info",
          action: { label: "Undo", run: () => restore.mutate({ interruptId }) },
        });
      },
      onSettled: () => {
        setBusyId(null);
        return refreshInbox();
      },
    }),
  );

  const count = items?.length ?? 0;
  return (
    <section aria-labelledby="capture-inbox-heading" style={{ marginBottom: "1.25rem" }}>
      <h2 id="capture-inbox-heading" className="section-title" ref={headingRef} tabIndex={-1}>
        Captured pages and tickets{count > 0 ? ` (${count})` : ""}
      </h2>
      {isPending && <p className="stat-note">Loading captured pages and tickets…</p>}
      {error && (
        <div className="alert error" role="alert">
          Could not load captured pages and tickets: {messageOf(error)}
        </div>
      )}
      {items && items.length === 0 && (
        <p className="stat-note">
          Nothing waiting. Alerts that page you and tickets assigned to you arrive here to confirm with one click.
        </p>
      )}
      {items && items.length > 0 && (
        <ul style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {items.map((item) => (
            <CapturedItem
              key={item.interruptId}
              item={item}
              timeZone={timeZone}
              busy={busyId === item.interruptId}
              serverError={errors[item.interruptId]?.minutes ?? errors[item.interruptId]?.interruptId}
              firstFieldRef={(node) => {
                if (node) fieldRefs.current.set(item.interruptId, node);
                else fieldRefs.current.delete(item.interruptId);
              }}
              onConfirm={(minutes) => confirm.mutate({ interruptId: item.interruptId, minutes })}
              onDismiss={() => dismiss.mutate({ interruptId: item.interruptId })}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
