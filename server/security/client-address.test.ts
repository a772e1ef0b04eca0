import { describe, expect, test } from "vitest";
import { clientAddress } from "./client-address";
import { parseProxyList, type ProxyEntry } from "./trusted-proxies";

function proxies(list: string): ProxyEntry[] {
  const parsed = parseProxyList(list);
  if ("error" in parsed) throw new Error(parsed.error);
  return parsed.entries;
}

describe("the client's address: X-Forwarded-For only from TOILCAP_TRUSTED_PROXIES", () => {
  test.each([
    ["a direct client's forged header is ignored", "203.0.113.9", "1.2.3.4", "", "203.0.113.9"],
    ["nothing trusted: the peer even behind a proxy", "10.0.0.2", "203.0.113.9", "", "10.0.0.2"],
    ["a trusted proxy: the address it appended", "10.0.0.2", "203.0.113.9", "10.0.0.0/8", "203.0.113.9"],
    [
      "entries the client wrote left of it are skipped",
      "10.0.0.2",
      "1.2.3.4, 203.0.113.9",
      "10.0.0.0/8",
      "203.0.113.9",
    ],
    ["two trusted hops", "10.0.0.2", "1.2.3.4, 203.0.113.9, 10.0.0.7", "10.0.0.0/8", "203.0.113.9"],
    ["an untrusted peer claiming to be a proxy", "198.51.100.1", "203.0.113.9", "10.0.0.0/8", "198.51.100.1"],
    ["IPv4 written as IPv6 by the socket", "::ffff:10.0.0.2", "203.0.113.9", "10.0.0.2", "203.0.113.9"],
    ["IPv6 ranges", "fd00::1", "2001:db8::5", "fd00::/8", "2001:db8::5"],
  ])("%s", (_case, peer, forwardedFor, trusted, expected) => {
    expect(clientAddress(peer, forwardedFor, proxies(trusted))).toBe(expected);
  });
});
