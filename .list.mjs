import { build } from "esbuild";
const result = await build({
  entryPoints: process.argv.slice(2),
  bundle: true,
  platform: "node",
  format: "esm",
  metafile: true,
  write: false,
  outdir: "/tmp/esb",
  packages: "external",
  alias: { "@": "." },
  logLevel: "error",
});
console.log(Object.keys(result.metafile.inputs).join("\n"));
