import type { Auth } from "@/server/auth/auth";
import { CLIENT_ADDRESS_HEADER } from "@/server/security/client-address";

export const TEST_AUTH_SECRET = "a-test-secret-that-is-long-enough-for-better-auth";
const HOST = "toilcap.test";
let address = 0;

/** A sign-up through better-auth's HTTP handler, as the browser sends it, each from its own address. */
export async function signUpOverHttp(
  auth: Auth,
  body: { email: string; name?: string; password?: string; invitation?: string; timeZone?: string },
): Promise<{ status: number; message: string }> {
  address += 1;
  const response = await auth.handler(
    new Request(`http://${HOST}/api/auth/sign-up/email`, {
      method: "POST",
      headers: {
        host: HOST,
        origin: `http://${HOST}`,
        "content-type": "application/json",
        [CLIENT_ADDRESS_HEADER]: `198.51.${Math.floor(address / 250) % 250}.${(address % 250) + 1}`,
      },
      body: JSON.stringify({
        name: body.name ?? body.email.split("@")[0],
        password: body.password ?? "correct horse battery",
        ...body,
      }),
    }),
  );
  const text = await response.text();
  let message = text;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === "object" && parsed !== null && "message" in parsed && typeof parsed.message === "string")
      message = parsed.message;
  } catch {
    // Not JSON: keep the text.
  }
  return { status: response.status, message };
}

/** The token of an invitation path such as /sign-up?invitation=TOKEN. */
export function tokenOf(path: string): string {
  return new URL(path, "http://toilcap.test").searchParams.get("invitation") ?? "";
}
