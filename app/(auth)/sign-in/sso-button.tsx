"use client";

import { useState } from "react";
import { authClient } from "@/app/_lib/auth-client";

/** "Sign in with <provider>": off to the OpenID provider, back to `next`, or to this page with the reason. */
export function SsoButton({ providerId, name, next }: { providerId: string; name: string; next: string }) {
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);

  async function start() {
    setPending(true);
    setFailed(false);
    const result = await authClient.signIn.social({
      provider: providerId,
      callbackURL: next,
      errorCallbackURL: "/sign-in",
    });
    if (result.error) {
      setPending(false);
      setFailed(true);
    }
  }

  return (
    <div className="stack">
      {failed && (
        <div className="alert error" role="alert">
          Could not reach {name}; try again in a moment.
        </div>
      )}
      <button type="button" className="button secondary" onClick={start} disabled={pending}>
        {pending ? `Going to ${name}…` : `Sign in with ${name}`}
      </button>
    </div>
  );
}
