"use client";

import { useQuery } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext, useMemo } from "react";
import { useTRPC } from "@/app/_lib/trpc";
import type { ServiceOption, Template } from "./types";

export interface WorkContextValue {
  /** The team new entries go to; null for someone in no team (an administrator), who cannot log. */
  teamId: string | null;
  timeZone: string;
  services: ServiceOption[];
  templates: Template[];
  /** True until the catalogue and templates have arrived. */
  loading: boolean;
}

const WorkContext = createContext<WorkContextValue>({
  teamId: null,
  timeZone: "UTC",
  services: [],
  templates: [],
  loading: false,
});

/** The viewer's team, zone, services and templates, fetched once for every logging control in the app. */
export function WorkProvider({
  teamId,
  timeZone,
  children,
}: {
  teamId: string | null;
  timeZone: string;
  children: ReactNode;
}) {
  const trpc = useTRPC();
  const services = useQuery(
    trpc.catalog.services.queryOptions({ teamId: teamId ?? "" }, { enabled: teamId !== null, staleTime: 5 * 60_000 }),
  );
  const templates = useQuery(trpc.templates.list.queryOptions({ teamId: teamId ?? "" }, { enabled: teamId !== null }));
  const value = useMemo<WorkContextValue>(
    () => ({
      teamId,
      timeZone,
      services: services.data ?? [],
      templates: templates.data ?? [],
      loading: teamId !== null && (services.isPending || templates.isPending),
    }),
    [teamId, timeZone, services.data, services.isPending, templates.data, templates.isPending],
  );
  return <WorkContext.Provider value={value}>{children}</WorkContext.Provider>;
}

export function useWork(): WorkContextValue {
  return useContext(WorkContext);
}
