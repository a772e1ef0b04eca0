import { isTrustedProxy, type ProxyEntry } from "./trusted-proxies";

/**
 * The header our HTTP server writes with the client's address, replacing any a client sent. Sign-in limits
 * count by it; X-Forwarded-For itself is never read, since any client can write one.
 */
export const CLIENT_ADDRESS_HEADER = "x-toilcap-client-address";

/**
 * Who is on the other end: the socket's peer, unless the peer is one of TOILCAP_TRUSTED_PROXIES. Then the
 * X-Forwarded-For entries are read from the right (each proxy appends the address it saw), skipping trusted
 * proxies, and the first other one is the client: entries further left were written by the client itself.
 */
export function clientAddress(peer: string, forwardedFor: string | undefined, trusted: readonly ProxyEntry[]): string {
  const bare = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
  if (!isTrustedProxy(trusted, bare(peer))) return bare(peer);
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((entry) => bare(entry.trim()))
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i];
    if (hop !== undefined && !isTrustedProxy(trusted, hop)) return hop;
  }
  return bare(peer);
}
