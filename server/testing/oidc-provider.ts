import type { Server } from "node:http";
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";

/** One person at the test identity provider: log in with `login` (any password) on its development form. */
export interface TestIdentity {
  login: string;
  email: string;
  emailVerified: boolean;
  name: string;
}

export interface TestOidcClient {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

export interface TestOidcProvider {
  issuer: string;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (the certified `oidc-provider` package) on 127.0.0.1: one static client and
 * the given identities. Its development login form takes the login name and any password; consent is given
 * at once, as a company's provider does for its own applications.
 */
export async function startOidcProvider(
  port: number,
  client: TestOidcClient,
  identities: readonly TestIdentity[],
): Promise<TestOidcProvider> {
  const issuer = `http://127.0.0.1:${port}`;
  const byLogin = new Map(identities.map((identity) => [identity.login, identity]));
  const configuration: Configuration = {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: [client.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // The ID token carries the claims too, not only the userinfo endpoint.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ["toilcap-test-oidc-provider-cookie-key"] },
    findAccount: (_ctx, id) => {
      const identity = byLogin.get(id);
      if (!identity) return undefined;
      return {
        accountId: id,
        claims: () => ({ sub: id, email: identity.email, email_verified: identity.emailVerified, name: identity.name }),
      };
    },
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const accountId = ctx.oidc.session?.accountId;
      if (!accountId || !ctx.oidc.client) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  };
  const provider = new Provider(issuer, configuration);
  const server: Server = await new Promise((resolve) => {
    const listening = provider.listen(port, "127.0.0.1", () => resolve(listening));
  });
  return {
    issuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
