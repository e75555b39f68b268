import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    // Build output, installs, generated code and tool reports; `.next*` covers KT_CONSOLE_DIST_DIR builds.
    ignores: [
      "**/dist/**",
      "**/.next*/**",
      "**/node_modules/**",
      "**/generated/**",
      "**/next-env.d.ts",
      "**/.kt/**",
      "e2e/test-results/**",
      "e2e/playwright-report/**",
      "e2e/screenshots/**",
      "e2e/.auth/**",
      "bench/results/**",
      "coverage/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-definitions": ["error", "type"],
    },
  },
  {
    // Plain JavaScript (scripts, configs) runs on Node: its globals (URL, fetch, setTimeout, …) exist.
    files: ["**/*.cjs", "**/*.js", "**/*.mjs"],
    languageOptions: { globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
