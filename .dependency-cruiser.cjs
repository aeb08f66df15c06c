// Layers: app -> components -> lib -> db, one way. `npm run lint` fails when an arrow runs
// backwards or imports form a cycle. Tests (and their helpers) may import anything.
const TESTS = String.raw`(\.test\.tsx?$|(^|/)test-support\.tsx?$|^test/|^e2e/|^e2e-prod/)`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "components-not-to-app",
      comment: "components/ is shared UI: what it needs from a page comes in as props; server actions live in lib/actions.",
      severity: "error",
      from: { path: "^components/", pathNot: TESTS },
      to: { path: "^app/" },
    },
    {
      name: "lib-not-to-app-or-components",
      comment: "lib/ holds the rules and adapters; pages and UI are built on it, never the other way.",
      severity: "error",
      from: { path: "^lib/", pathNot: TESTS },
      to: { path: "^(app|components)/" },
    },
    {
      name: "db-not-to-lib",
      comment:
        "db/ is the bottom layer (schema, client, migrations). The one exception is lib/config.ts, the parsed environment every layer reads; it imports nothing of ours (next rule).",
      severity: "error",
      from: { path: "^db/", pathNot: TESTS },
      to: { path: "^(lib|app|components)/", pathNot: "^lib/config\\.ts$" },
    },
    {
      name: "config-is-a-leaf",
      comment: "lib/config.ts is read by every layer, so it may import none of them.",
      severity: "error",
      from: { path: "^lib/config\\.ts$" },
      to: { path: "^(lib|app|components|db)/" },
    },
    {
      name: "domain-not-to-http",
      comment:
        "lib/domain takes plain inputs and returns plain results; requests and responses belong to route handlers and server actions.",
      severity: "error",
      from: { path: "^lib/domain/", pathNot: TESTS },
      // Unanchored node_modules: a symlinked node_modules (a git worktree) resolves to its real path.
      to: { path: "(^|/)node_modules/next/(server|headers)([.]|/)|^(node:)?(http|https|http2)$" },
    },
    {
      name: "no-circular",
      comment: "A cycle makes load order matter and the two modules one unit in all but name: move the shared part down.",
      severity: "error",
      from: { pathNot: TESTS },
      to: { circular: true },
    },
  ],
  options: {
    includeOnly: "^(app|components|lib|db|emails|scripts|test|e2e|e2e-prod)/|^[^/]+\\.tsx?$|(^|/)node_modules/next/|^(node:)?https?2?$",
    exclude: { path: "^(\\.next|\\.data|db/migrations)/" },
    doNotFollow: { path: "(^|/)node_modules/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
      mainFields: ["module", "main", "types", "typings"],
    },
    skipAnalysisNotInRules: true,
  },
};
