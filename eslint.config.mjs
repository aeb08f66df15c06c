// ESLint flat config: Next.js's rules (React, hooks, a11y, core web vitals), typescript-eslint's
// recommended set, and the few type-aware rules that catch real bugs here (a promise nobody
// awaits, an async function where a sync callback is expected, a switch that misses a case).
// Layer rules (which folder may import which) live in .dependency-cruiser.cjs.
import { defineConfig, globalIgnores } from "eslint/config";
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const TEST_FILES = ["**/*.test.ts", "**/test-support.ts", "test/**", "e2e/**", "e2e-prod/**"];

// The environment is parsed once, in lib/config.ts; everything else asks config(). NODE_ENV and
// NEXT_RUNTIME are not settings: Next.js replaces them at build time.
const NO_PROCESS_ENV = [
  {
    selector:
      "MemberExpression[object.name='process'][property.name='env']:not(MemberExpression[property.name=/^(NODE_ENV|NEXT_RUNTIME)$/] > MemberExpression.object)",
    message: "Read settings through config() from lib/config.ts, which parses the environment once.",
  },
  {
    selector: "MemberExpression[object.name='process'][property.value='env']",
    message: "Read settings through config() from lib/config.ts, which parses the environment once.",
  },
];
const NO_HTTP_TYPES = [
  {
    selector: "TSTypeReference[typeName.name=/^(Request|Response|Headers|NextRequest|NextResponse)$/]",
    message: "lib/domain takes and returns plain values: HTTP types belong to the route handler.",
  },
];

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
    files: TEST_FILES,
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // The app's code; scripts and test tooling read their own variables.
    files: ["app/**", "components/**", "lib/**", "db/**", "emails/**", "*.ts"],
    ignores: [...TEST_FILES, "lib/config.ts", "*.config.ts"],
    rules: { "no-restricted-syntax": ["error", ...NO_PROCESS_ENV] },
  },
  {
    // Business rules know nothing of HTTP: adapters (route handlers, server actions) turn
    // requests into plain inputs and results into responses. Imports of next/server and
    // node:http are refused by dependency-cruiser; these are the globals it cannot see.
    files: ["lib/domain/**/*.ts", "lib/domain/**/*.tsx"],
    ignores: TEST_FILES,
    rules: {
      "no-restricted-globals": [
        "error",
        { name: "Request", message: "lib/domain takes plain inputs: read the request in the route handler." },
        { name: "Response", message: "lib/domain returns plain results: build the response in the route handler." },
        { name: "Headers", message: "lib/domain takes plain inputs: read headers in the route handler." },
      ],
      // Options replace, not merge, across blocks: the environment rule is repeated here.
      "no-restricted-syntax": ["error", ...NO_PROCESS_ENV, ...NO_HTTP_TYPES],
    },
  },
]);
