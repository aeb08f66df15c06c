import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const exclude = ["**/node_modules/**", "**/.next/**", "**/.data/**", "e2e/**"];

// The same *.db.test.ts files run twice: on embedded PGlite and on a real PostgreSQL server.
const dbProject = (name: "pglite" | "postgres", globalSetup?: string) => ({
  extends: true as const,
  test: {
    name,
    include: ["**/*.db.test.ts"],
    exclude,
    env: { TEST_DB: name },
    globalSetup,
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
});

export default defineConfig({
  resolve: { alias: [{ find: /^@\//, replacement: `${root}/` }] },
  // Domain code renders react-email templates (.tsx).
  oxc: { jsx: { runtime: "automatic" } },
  test: {
    environment: "node",
    setupFiles: [path.join(root, "test/setup.ts")],
    reporters: ["default", path.join(root, "test/vitest-summary.ts")],
    projects: [
      { extends: true, test: { name: "unit", include: ["**/*.test.ts"], exclude: [...exclude, "**/*.db.test.ts"] } },
      dbProject("pglite"),
      dbProject("postgres", path.join(root, "test/global-setup.ts")),
    ],
  },
});
