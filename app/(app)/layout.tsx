import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { serverCaller } from "@/server/trpc/server";
import { AppShell } from "@/app/_components/app-shell";
import { REQUESTED_PAGE_HEADER, signInHref } from "@/server/security/next-path";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const caller = await serverCaller();
  const viewer = await caller.viewer.current();
  if (!viewer) redirect(signInHref((await headers()).get(REQUESTED_PAGE_HEADER) ?? "/"));
  return (
    <AppShell caller={caller} viewer={viewer}>
      {children}
    </AppShell>
  );
}
