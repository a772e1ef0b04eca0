"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ToilTraits } from "@/server/schemas/work-log";
import { formatMinutes } from "@/app/_lib/format";
import { messageOf } from "@/app/_lib/field-errors";
import { useTRPC } from "@/app/_lib/trpc";
import { useStatus } from "../app-status";
import { useWorkLogCache } from "./cache";
import { NO_TRAITS } from "./draft";
import type { Category, WeekEntry } from "./types";
import { useWork } from "./work-context";

let optimisticCounter = 0;

/** A stand-in row shown until the server answers; its id never reaches the server. */
export function optimisticEntry(fields: {
  teamId: string;
  summary: string;
  minutes: number;
  endsAt: Date;
  category: Category;
  serviceId: string | null;
  serviceName: string | null;
  link: string | null;
  traits: ToilTraits | undefined;
  templateId: string | null;
  templateName: string | null;
  interruptId: string | null;
}): WeekEntry {
  optimisticCounter += 1;
  const now = new Date();
  return {
    id: `optimistic-${optimisticCounter}`,
    personId: "",
    teamId: fields.teamId,
    startsAt: new Date(fields.endsAt.getTime() - fields.minutes * 60_000),
    endsAt: fields.endsAt,
    minutes: fields.minutes,
    category: fields.category,
    traits: fields.category === "toil" ? (fields.traits ?? NO_TRAITS) : NO_TRAITS,
    summary: fields.summary.trim(),
    link: fields.link,
    source: fields.templateId ? "template" : "manual",
    serviceId: fields.serviceId,
    serviceName: fields.serviceName,
    templateId: fields.templateId,
    templateName: fields.templateName,
    interruptId: fields.interruptId,
    interruptSummary: null,
    createdAt: now,
    updatedAt: now,
  };
}

export const isOptimistic = (id: string) => id.startsWith("optimistic-");

/** Deletes softly and offers Undo, which restores the same row. */
export function useRemoveEntry() {
  const trpc = useTRPC();
  const cache = useWorkLogCache();
  const announce = useStatus();
  const restore = useMutation(
    trpc.workLog.restore.mutationOptions({
      onSuccess: () => announce({ text: "Entry restored." }),
      onError: (error) => announce({ text: `Could not restore the entry: ${messageOf(error)}`, tone: "error" }),
      onSettled: () => cache.refresh(),
    }),
  );
  return useMutation(
    trpc.workLog.remove.mutationOptions({
      onMutate: async ({ id }) => {
        const snapshot = await cache.snapshot();
        cache.remove(id);
        return { snapshot };
      },
      onError: (error, _input, context) => {
        cache.rollback(context?.snapshot);
        announce({ text: `Could not delete the entry: ${messageOf(error)}`, tone: "error" });
      },
      onSuccess: (_result, { id }) =>
        announce({
          text: "Entry deleted.",
          tone: "info",
          action: { label: "Undo", run: () => restore.mutate({ id }) },
        }),
      onSettled: () => cache.refresh(),
    }),
  );
}

/** One action: log a template's usual work, ending now. */
export function useLogFromTemplate() {
  const trpc = useTRPC();
  const cache = useWorkLogCache();
  const announce = useStatus();
  const { templates, timeZone } = useWork();
  return useMutation(
    trpc.templates.logFromTemplate.mutationOptions({
      onMutate: async ({ templateId }) => {
        const snapshot = await cache.snapshot();
        const template = templates.find((t) => t.id === templateId);
        if (!template) return { snapshot, tempId: null };
        const entry = optimisticEntry({
          teamId: template.teamId,
          summary: template.name,
          minutes: template.defaultMinutes,
          endsAt: new Date(),
          category: template.category,
          serviceId: template.serviceId ?? null,
          serviceName: template.serviceName,
          link: null,
          traits: template.traits,
          templateId: template.id,
          templateName: template.name,
          interruptId: null,
        });
        cache.put(entry, timeZone);
        return { snapshot, tempId: entry.id };
      },
      onError: (error, _input, context) => {
        cache.rollback(context?.snapshot);
        announce({ text: `Not logged: ${messageOf(error)}`, tone: "error" });
      },
      onSuccess: (entry, _input, context) => {
        cache.put(entry, timeZone, context?.tempId ?? undefined);
        announce({ text: `Logged ${formatMinutes(entry.minutes)}: ${entry.summary}.` });
      },
      onSettled: () => cache.refresh(),
    }),
  );
}

/** Starts the one running timer; the header shows it at once. */
export function useStartTimer(onStarted?: () => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const announce = useStatus();
  return useMutation(
    trpc.timer.start.mutationOptions({
      onSuccess: (timer) => {
        queryClient.setQueryData(trpc.timer.current.queryKey(), timer);
        announce({ text: `Timer started: ${timer.summary}.` });
        onStarted?.();
      },
      onSettled: () => queryClient.invalidateQueries(trpc.timer.current.queryFilter()),
    }),
  );
}
