import { BlockList, isIP } from "node:net";

/** One entry of TOILCAP_TRUSTED_PROXIES: an address, or a CIDR range such as 10.0.0.0/8 or fd00::/8. */
export type ProxyEntry = { address: string } | { network: string; prefix: number };

/** A comma-separated list of addresses and CIDR ranges, or the first entry that is neither. */
export function parseProxyList(list: string): { entries: ProxyEntry[] } | { error: string } {
  const entries: ProxyEntry[] = [];
  for (const raw of list
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)) {
    const [network = "", prefixText, extra] = raw.split("/");
    if (extra !== undefined || isIP(network) === 0) return { error: `"${raw}" is not an IP address or a CIDR range` };
    if (prefixText === undefined) {
      entries.push({ address: network });
      continue;
    }
    const prefix = Number(prefixText);
    const max = isIP(network) === 4 ? 32 : 128;
    if (!/^\d+$/.test(prefixText) || prefix > max) return { error: `"${raw}" has a prefix length outside 0-${max}` };
    entries.push({ network, prefix });
  }
  return { entries };
}

/** Whether `address` (the socket's peer) is one of the proxies. */
export function isTrustedProxy(entries: readonly ProxyEntry[], address: string): boolean {
  const family = isIP(address);
  if (family === 0 || entries.length === 0) return false;
  const list = new BlockList();
  for (const entry of entries) {
    const type = isIP("address" in entry ? entry.address : entry.network) === 4 ? "ipv4" : "ipv6";
    if ("address" in entry) list.addAddress(entry.address, type);
    else list.addSubnet(entry.network, entry.prefix, type);
  }
  return list.check(address, family === 4 ? "ipv4" : "ipv6");
}
