// The e2e servers' ports (playwright.config.ts starts them).
export const E2E_PORT = 3100;
export const DEMO_PORT = 3101;
