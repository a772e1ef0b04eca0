"use client";

import { useRouter } from "next/navigation";
import { authClient } from "@/app/_lib/auth-client";

export function SignOutButton() {
  const router = useRouter();
  return (
    <button
      className="button secondary"
      type="button"
      onClick={async () => {
        await authClient.signOut();
        router.replace("/sign-in");
        router.refresh();
      }}
    >
      Sign out
    </button>
  );
}
