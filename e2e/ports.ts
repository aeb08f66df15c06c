// The e2e servers' ports (playwright.config.ts starts them).
export const E2E_PORT = 3100;
export const DEMO_PORT = 3101;
// The e2e servers' METRICS_TOKEN: /api/metrics answers only its bearer.
export const E2E_METRICS_TOKEN = "e2e-metrics-token-not-for-production";
