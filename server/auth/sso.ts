/**
 * Single sign-on through one OpenID Connect provider, configured by environment (README: "Single sign-on").
 * Off unless the issuer, client id and client secret are all set.
 */
export const SSO_PROVIDER_ID = "oidc";

export interface SsoSettings {
  providerId: typeof SSO_PROVIDER_ID;
  /** What the sign-in button calls the provider. */
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Email domains allowed to sign in (lower case); empty allows any domain. */
  allowedDomains: string[];
}

const REQUIRED = ["TOILCAP_OIDC_ISSUER", "TOILCAP_OIDC_CLIENT_ID", "TOILCAP_OIDC_CLIENT_SECRET"] as const;

/** The configured provider, null when SSO is off; a partial configuration is an error, not silently off. */
export function ssoSettings(env: Record<string, string | undefined> = process.env): SsoSettings | null {
  const values = REQUIRED.map((name) => env[name]?.trim() ?? "");
  if (values.every((value) => value === "")) return null;
  const missing = REQUIRED.filter((_, i) => values[i] === "");
  if (missing.length > 0) throw new Error(`Single sign-on needs ${missing.join(", ")} as well.`);
  const [issuer = "", clientId = "", clientSecret = ""] = values;
  let issuerUrl: URL;
  try {
    issuerUrl = new URL(issuer);
  } catch {
    throw new Error("TOILCAP_OIDC_ISSUER must be the provider's issuer URL (https://…).");
  }
  const allowedDomains = (env.TOILCAP_OIDC_ALLOWED_DOMAINS ?? "")
    .split(",")
    .map((domain) => domain.trim().toLowerCase().replace(/^@/, ""))
    .filter((domain) => domain !== "");
  return {
    providerId: SSO_PROVIDER_ID,
    name: env.TOILCAP_OIDC_NAME?.trim() || "single sign-on",
    issuer: issuerUrl.toString().replace(/\/$/, ""),
    clientId,
    clientSecret,
    allowedDomains,
  };
}

/** Where the provider publishes its endpoints and keys (OpenID Connect Discovery). */
export function discoveryUrlOf(settings: SsoSettings): string {
  return `${settings.issuer}/.well-known/openid-configuration`;
}
