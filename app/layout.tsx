import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Toilcap", template: "%s · Toilcap" },
  description: "Keep SRE toil under the cap: log toil and interrupts, plan fair rotations, review toil-cap reports.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, so Next can put this response's CSP nonce (proxy.ts) on its scripts.
  await connection();
  return (
    <html lang="en">
      {/* The tRPC client comes with the app's shell (app-shell.tsx) and the reset form, not with every page. */}
      <body>{children}</body>
    </html>
  );
}
