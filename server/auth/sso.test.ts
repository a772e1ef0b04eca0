import { describe, expect, test } from "vitest";
import { discoveryUrlOf, ssoSettings } from "./sso";

const full = {
  TOILCAP_OIDC_ISSUER: "https://id.example.com/",
  TOILCAP_OIDC_CLIENT_ID: "toilcap",
  TOILCAP_OIDC_CLIENT_SECRET: "s3cret",
};

describe("single sign-on settings from the environment", () => {
  test("off when nothing is set", () => {
    expect(ssoSettings({})).toBeNull();
  });

  test("on with issuer, client id and secret; domains lower-cased, a leading @ dropped", () => {
    const settings = ssoSettings({
      ...full,
      TOILCAP_OIDC_ALLOWED_DOMAINS: " Northwind.Example, @corp.example ,",
      TOILCAP_OIDC_NAME: "Okta",
    });
    expect(settings).toEqual({
      providerId: "oidc",
      name: "Okta",
      issuer: "https://id.example.com",
      clientId: "toilcap",
      clientSecret: "s3cret",
      allowedDomains: ["northwind.example", "corp.example"],
    });
    expect(settings && discoveryUrlOf(settings)).toBe("https://id.example.com/.well-known/openid-configuration");
  });

  test.each(["TOILCAP_OIDC_ISSUER", "TOILCAP_OIDC_CLIENT_ID", "TOILCAP_OIDC_CLIENT_SECRET"] as const)(
    "refuses to start with %s missing",
    (name) => {
      expect(() => ssoSettings({ ...full, [name]: "" })).toThrow(name);
    },
  );

  test("refuses an issuer that is not a URL", () => {
    expect(() => ssoSettings({ ...full, TOILCAP_OIDC_ISSUER: "id.example.com" })).toThrow("TOILCAP_OIDC_ISSUER");
  });
});
