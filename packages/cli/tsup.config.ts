import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "node20",
  // ESM-only dependencies are bundled so the CLI stays a plain CommonJS program.
  noExternal: ["env-paths"],
});
