import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import { isPublicAddress } from "./public-address";

/**
 * Hosts an operator allows webhooks to reach even on a private or loopback address (an internal chat bridge):
 * host names or IP addresses, comma-separated, compared with the URL's host as the URL parser writes it.
 */
export const ALLOW_HOSTS_ENV = "TOILCAP_WEBHOOK_ALLOW_HOSTS";

export function allowedHosts(value = process.env[ALLOW_HOSTS_ENV]): Set<string> {
  return new Set(
    (value ?? "")
      .split(",")
      .map((host) => host.trim().toLowerCase())
      .filter((host) => host !== "")
      .map((host) => {
        try {
          return new URL(`http://${host.includes(":") && !host.startsWith("[") ? `[${host}]` : host}/`).hostname;
        } catch {
          return host;
        }
      }),
  );
}

/** Why a destination was refused, in words safe to show a manager (no resolved address, no port state). */
export const REFUSED_DESTINATION = "refused: the webhook's host is not a public internet address";

export class RefusedDestination extends Error {
  readonly code = "TOILCAP_REFUSED_DESTINATION";
  constructor() {
    super(REFUSED_DESTINATION);
  }
}

/** The URL's host as an IP literal without brackets, or null for a name. */
function literalAddress(hostname: string): string | null {
  const bare = hostname.replace(/^\[|\]$/g, "");
  return isIP(bare) === 0 ? null : bare;
}

/**
 * How a delivery to `url` must connect: refused at once when its host is an IP literal that is not public
 * (the URL parser has already turned "2130706433" and "0x7f.1" into 127.0.0.1), else a DNS lookup that refuses
 * every non-public answer. The lookup runs on each connection, so the address checked is the one connected
 * to (a name cannot resolve to a public address for the check and a private one for the request).
 */
export function guardDestination(
  url: URL,
  allowed = allowedHosts(),
): { refused: boolean; lookup: LookupFunction | undefined } {
  if (allowed.has(url.hostname.toLowerCase())) return { refused: false, lookup: undefined };
  const literal = literalAddress(url.hostname);
  if (literal !== null) return { refused: !isPublicAddress(literal), lookup: undefined };
  const lookup: LookupFunction = (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 0);
      const found = Array.isArray(addresses) ? addresses : [];
      if (found.length === 0 || found.some((a) => !isPublicAddress(a.address)))
        return callback(new RefusedDestination(), "", 0);
      if (options.all) return callback(null, found);
      const [first] = found;
      if (!first) return callback(new RefusedDestination(), "", 0);
      callback(null, first.address, first.family);
    });
  };
  return { refused: false, lookup };
}
