import { BlockList, isIP, isIPv6 } from "node:net";

/**
 * Addresses a webhook may not reach: this host, private and shared networks, link-local, documentation,
 * multicast and reserved ranges (IANA special-purpose registries), so a webhook URL cannot probe the
 * server's own network.
 */
const NOT_PUBLIC_V4 = new BlockList();
// A separate list: Node matches IPv4 addresses against IPv4-mapped IPv6 rules, and "::/96" would catch them all.
const NOT_PUBLIC_V6 = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  NOT_PUBLIC_V4.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  // IPv4-compatible and NAT64 addresses carry an IPv4 address and are refused whole; mapped ones are unwrapped below.
  ["::", 96],
  ["::ffff:0:0", 96],
  ["64:ff9b::", 96],
  ["64:ff9b:1::", 48],
  ["100::", 64],
  ["2001::", 23],
  ["2001:db8::", 32],
  ["2002::", 16],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
] as const) {
  NOT_PUBLIC_V6.addSubnet(network, prefix, "ipv6");
}

/** The address of an IPv4-mapped IPv6 address ("::ffff:127.0.0.1", "::ffff:7f00:1"), else null. */
function mappedIPv4(address: string): string | null {
  const match = /^::ffff:(?:0:)?([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (match?.[1] && match[2]) {
    const high = Number.parseInt(match[1], 16);
    const low = Number.parseInt(match[2], 16);
    return [high >> 8, high & 255, low >> 8, low & 255].join(".");
  }
  const dotted = /^::ffff:(?:0:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return dotted?.[1] ?? null;
}

/** True for an IP address on the public internet; false for every special-purpose range and for non-addresses. */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  if (isIP(bare) === 0) return false;
  if (isIPv6(bare)) {
    const v4 = mappedIPv4(bare);
    if (v4 !== null) return isPublicAddress(v4);
    return !NOT_PUBLIC_V6.check(bare, "ipv6");
  }
  return !NOT_PUBLIC_V4.check(bare, "ipv4");
}
