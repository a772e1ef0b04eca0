import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { allowedHosts, guardDestination } from "./destination";
import { isPublicAddress } from "./public-address";

describe("which addresses a webhook may reach", () => {
  test.each([
    "127.0.0.1",
    "127.255.255.254",
    "0.0.0.0",
    "10.0.0.1",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "224.0.0.1",
    "255.255.255.255",
    "::",
    "::1",
    "[::1]",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:10.0.0.1",
    "64:ff9b::7f00:1",
    "fc00::1",
    "fd12:3456::1",
    "fe80::1",
    "fe80::1%eth0",
    "ff02::1",
    "2001:db8::1",
    "localhost",
    "not an address",
  ])("%s is not public", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  test.each([
    "8.8.8.8",
    "1.1.1.1",
    "172.32.0.1",
    "172.15.255.255",
    "192.169.0.1",
    "2606:4700:4700::1111",
    "::ffff:8.8.8.8",
  ])("%s is public", (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  test("every address of 10/8, 172.16/12, 192.168/16, 169.254/16 and 127/8 is refused", () => {
    const octet = fc.integer({ min: 0, max: 255 });
    const networks = fc.oneof(
      fc.tuple(octet, octet, octet).map(([b, c, d]) => `10.${b}.${c}.${d}`),
      fc.tuple(fc.integer({ min: 16, max: 31 }), octet, octet).map(([b, c, d]) => `172.${b}.${c}.${d}`),
      fc.tuple(octet, octet).map(([c, d]) => `192.168.${c}.${d}`),
      fc.tuple(octet, octet).map(([c, d]) => `169.254.${c}.${d}`),
      fc.tuple(octet, octet, octet).map(([b, c, d]) => `127.${b}.${c}.${d}`),
    );
    fc.assert(fc.property(networks, (address) => !isPublicAddress(address) && !isPublicAddress(`::ffff:${address}`)));
  });

  test("every address of fc00::/7 and fe80::/10 is refused", () => {
    const group = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
    const rest = fc.array(group, { minLength: 7, maxLength: 7 }).map((groups) => groups.join(":"));
    const uniqueLocal = fc
      .tuple(fc.integer({ min: 0xfc00, max: 0xfdff }), rest)
      .map(([first, tail]) => `${first.toString(16)}:${tail}`);
    const linkLocal = fc
      .tuple(fc.integer({ min: 0xfe80, max: 0xfebf }), rest)
      .map(([first, tail]) => `${first.toString(16)}:${tail}`);
    fc.assert(fc.property(fc.oneof(uniqueLocal, linkLocal), (address) => !isPublicAddress(address)));
  });
});

describe("a webhook URL's destination", () => {
  test.each([
    "http://127.0.0.1/",
    "http://2130706433/",
    "http://0x7f.1/",
    "http://017700000001/",
    "http://127.1:5432/",
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://0.0.0.0/",
    "http://10.1.2.3/",
    "http://172.16.0.1/",
    "http://192.168.0.10/",
    "http://169.254.169.254/latest/meta-data/",
    "http://[fc00::1]/",
    "http://[fe80::1]/",
  ])("%s is refused before any connection", (url) => {
    expect(guardDestination(new URL(url), new Set())).toMatchObject({ refused: true });
  });

  test("a host name is checked at connection time, on every address it resolves to", () => {
    const guard = guardDestination(new URL("https://hooks.example.com/x"), new Set());
    expect(guard.refused).toBe(false);
    expect(guard.lookup).toBeTypeOf("function");
  });

  test("hosts on the allow-list are reached as they are", () => {
    const allowed = allowedHosts(" 127.0.0.1, Chat.Internal ,::1,");
    expect([...allowed].sort()).toEqual(["127.0.0.1", "[::1]", "chat.internal"]);
    expect(guardDestination(new URL("http://127.0.0.1:8080/hook"), allowed)).toEqual({
      refused: false,
      lookup: undefined,
    });
    expect(guardDestination(new URL("http://[::1]/hook"), allowed)).toEqual({ refused: false, lookup: undefined });
    expect(guardDestination(new URL("http://chat.internal/hook"), allowed)).toEqual({
      refused: false,
      lookup: undefined,
    });
    expect(guardDestination(new URL("http://2130706433/"), allowed)).toEqual({ refused: false, lookup: undefined });
    expect(guardDestination(new URL("http://10.0.0.1/"), allowed).refused).toBe(true);
  });
});
