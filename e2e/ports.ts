// The e2e servers' ports (playwright.config.ts starts them). E2E_PORT moves both, so a second
// checkout can run the suite beside this one (the demo server takes the next port).
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const DEMO_PORT = E2E_PORT + 1;
// The e2e servers' METRICS_TOKEN: /api/metrics answers only its bearer.
export const E2E_METRICS_TOKEN = "e2e-metrics-token-not-for-production";
// The e2e servers' MAILBOX_TOKEN: the suite reads the local mailbox with this bearer (the mailbox
// answers nobody else but a signed-in instance admin).
export const E2E_MAILBOX_TOKEN = "e2e-mailbox-token-not-for-production";
// Named in INSTANCE_ADMINS of the e2e servers (e2e/admin.spec.ts signs them up).
export const E2E_INSTANCE_ADMINS = ["instance-admin@example.test", "second-admin@example.test"];
