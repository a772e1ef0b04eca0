/** The test OpenID provider the demo server is configured with (started by e2e/sso.spec.ts). */
// Demo + 3: the empty and clock servers take demo + 1 and demo + 2.
export const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? Number(process.env.E2E_DEMO_PORT ?? 3210) + 3);
export const OIDC_CLIENT = { clientId: "toilcap-e2e", clientSecret: "toilcap-e2e-client-secret" };
export const OIDC_NAME = "Northwind SSO";
export const OIDC_ALLOWED_DOMAINS = "northwind.example";

/** The environment that turns single sign-on on for a server under test. */
export function oidcEnv(): Record<string, string> {
  return {
    TOILCAP_OIDC_ISSUER: `http://127.0.0.1:${OIDC_PORT}`,
    TOILCAP_OIDC_CLIENT_ID: OIDC_CLIENT.clientId,
    TOILCAP_OIDC_CLIENT_SECRET: OIDC_CLIENT.clientSecret,
    TOILCAP_OIDC_ALLOWED_DOMAINS: OIDC_ALLOWED_DOMAINS,
    TOILCAP_OIDC_NAME: OIDC_NAME,
  };
}
