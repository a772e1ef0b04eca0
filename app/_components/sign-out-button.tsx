"use client";

import { useRouter } from "next/navigation";

/**
 * Ends the session through the auth API directly: the auth client library is 12 kB of JavaScript that every
 * page of the app would load for this one button (the sign-in pages still use it).
 */
async function signOut(): Promise<void> {
  await fetch("/api/auth/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
}

export function SignOutButton() {
  const router = useRouter();
  return (
    <button
      className="button secondary"
      type="button"
      onClick={async () => {
        await signOut();
        router.replace("/sign-in");
        router.refresh();
      }}
    >
      Sign out
    </button>
  );
}
