import { describe, expect, test } from "vitest";
import { DATA_POLICY, newNonce, pagePolicy } from "./content-security-policy";

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((part) => {
      const [name = "", ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe("Content-Security-Policy", () => {
  test("pages run only scripts carrying this response's nonce, and cannot be framed", () => {
    const policy = directives(pagePolicy("abc123", { https: false, development: false }));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(policy.get("style-src-elem")).toEqual(["'self'", "'nonce-abc123'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
  });

  test("no inline script or eval in production; eval only for next dev", () => {
    const production = pagePolicy("n", { https: true, development: false });
    expect(production).not.toContain("'unsafe-eval'");
    expect(directives(production).get("script-src")).not.toContain("'unsafe-inline'");
    expect(directives(pagePolicy("n", { https: false, development: true })).get("script-src")).toContain(
      "'unsafe-eval'",
    );
  });

  test("over HTTPS stray http:// subresources are upgraded", () => {
    expect(directives(pagePolicy("n", { https: true, development: false })).has("upgrade-insecure-requests")).toBe(
      true,
    );
  });

  test("data responses load nothing and frame nowhere", () => {
    const policy = directives(DATA_POLICY);
    expect(policy.get("default-src")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  });

  test("nonces are fresh and long enough", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});
