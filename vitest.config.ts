import swc from "unplugin-swc";
import { defineConfig } from "vitest/config";

// Workspace packages resolve to their TypeScript sources (the "source" export condition), so tests
// never run against a stale dist/.
const resolve = { conditions: ["source", "import", "module", "default"] };
// NestJS needs decorator metadata, which esbuild does not emit; SWC does.
const plugins = [swc.vite({ module: { type: "es6" }, jsc: { target: "es2022", transform: { legacyDecorator: true, decoratorMetadata: true } } })];

export default defineConfig({
  test: {
    projects: [
      "packages/gateway/vitest.config.ts",
      {
        plugins,
        resolve,
        test: {
          name: "unit",
          include: ["packages/*/src/**/*.spec.ts", "apps/api/src/**/*.spec.ts", "apps/console/src/**/*.spec.ts", "bench/**/*.spec.ts"],
          // The gateway's tests run in their own project (packages/gateway/vitest.config.ts).
          exclude: ["**/*.int.spec.ts", "**/node_modules/**", "**/dist/**", "packages/gateway/**"],
          environment: "node",
          globals: true,
        },
      },
      {
        plugins,
        resolve,
        test: {
          name: "integration",
          include: ["apps/api/src/**/*.int.spec.ts", "packages/*/src/**/*.int.spec.ts"],
          environment: "node",
          globals: true,
          globalSetup: ["apps/api/src/test/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Each file boots its own app on the one test database; two at a time suits 2 cores.
          pool: "forks",
          maxWorkers: 2,
          minWorkers: 1,
        },
      },
    ],
  },
});
