// ESLint flat config: Next.js's rules (React, hooks, a11y, core web vitals), typescript-eslint's
// recommended set, and the few type-aware rules that catch real bugs here (a promise nobody
// awaits, an async function where a sync callback is expected, a switch that misses a case).
// Layer rules (which folder may import which) live in .dependency-cruiser.cjs.
import { defineConfig, globalIgnores } from "eslint/config";
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

export default defineConfig([
  globalIgnores([".next/**", ".data/**", "db/migrations/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/no-unused-expressions": "error",
      "@typescript-eslint/no-floating-promises": "error",
      // JSX event handlers may be async (React ignores the promise); everything else may not.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: true }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    // Tests are not React: useTestDatabase() and Playwright's `use` only share the prefix.
    files: ["**/*.test.ts", "test/**", "e2e/**", "e2e-prod/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // Business rules know nothing of HTTP: adapters (route handlers, server actions) turn
    // requests into plain inputs and results into responses. Imports of next/server and
    // node:http are refused by dependency-cruiser; these are the globals it cannot see.
    files: ["lib/domain/**/*.ts", "lib/domain/**/*.tsx"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        { name: "Request", message: "lib/domain takes plain inputs: read the request in the route handler." },
        { name: "Response", message: "lib/domain returns plain results: build the response in the route handler." },
        { name: "Headers", message: "lib/domain takes plain inputs: read headers in the route handler." },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "TSTypeReference[typeName.name=/^(Request|Response|Headers|NextRequest|NextResponse)$/]",
          message: "lib/domain takes and returns plain values: HTTP types belong to the route handler.",
        },
      ],
    },
  },
]);
