/**
 * Headers every response gets, static files included. The Content-Security-Policy (a fresh nonce per page) and
 * HSTS (only over HTTPS) are set per request in proxy.ts.
 * @type {import('next').NextConfig}
 */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // For browsers older than CSP's frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
  },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
];

const nextConfig = {
  // PGlite's WebAssembly breaks when bundled (docs/architecture.md).
  serverExternalPackages: ["@electric-sql/pglite", "pg"],
  poweredByHeader: false,
  // Turbopack keeps a cache for the next build; a clean clone in CI never has a next build, and writing the cache
  // took 35-45 s of a 2-core machine (and a fifth of the build's CPU).
  experimental: { turbopackFileSystemCacheForBuild: process.env.CI !== "true" },
  typedRoutes: false,
  // `npm test` type-checks the whole project (tsc) before it builds; it sets this so the build does not do it twice.
  typescript: { ignoreBuildErrors: process.env.TOILCAP_TYPES_CHECKED === "1" },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
