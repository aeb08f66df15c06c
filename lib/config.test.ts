import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config";

const failure = (env: Record<string, string>) => {
  try {
    parseConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error(`expected ${JSON.stringify(env)} to be refused`);
};

describe("parseConfig", () => {
  it("gives the defaults for an empty environment", () => {
    const c = parseConfig({});
    expect(c.port).toBe(3000);
    expect(c.appUrl).toBe("http://localhost:3000");
    expect(c.database.url).toBeUndefined();
    expect(c.database.poolSize).toBe(10);
    expect(c.email).toMatchObject({ transport: "mailbox", from: "Org Portal <portal@example.com>" });
    expect(c.outbox).toEqual({ worker: true, pollMs: 1000 });
    expect(c.apiRateLimit).toEqual({ perClient: 600, perOrg: 2400 });
    expect(c.trustedProxies).toEqual([]);
    expect(c.instanceAdmins).toEqual([]);
    expect(c.metricsToken).toBeUndefined();
    expect(c.logHotPath).toBe(false);
  });

  it("reads good values", () => {
    const c = parseConfig({
      PORT: "8080",
      APP_URL: "https://portal.example.com/",
      DATABASE_URL: "postgres://u:p@db:5432/portal",
      DATABASE_POOL_SIZE: "20",
      SMTP_URL: "smtps://u:p@mail.example.com:465",
      EMAIL_FROM: "Portal <portal@example.com>",
      TRUSTED_PROXIES: "127.0.0.1, 10.0.0.0/8,::1,fd00::/8",
      INSTANCE_ADMINS: "Ada@Example.com,bob@example.com",
      METRICS_TOKEN: "m".repeat(32),
      MAILBOX_TOKEN: "b".repeat(32),
      OUTBOX_WORKER: "off",
      LOG_HOT_PATH: "1",
      API_RATE_LIMIT_PER_CLIENT: "5",
    });
    expect(c.port).toBe(8080);
    expect(c.appUrl).toBe("https://portal.example.com");
    expect(c.database).toMatchObject({ url: "postgres://u:p@db:5432/portal", poolSize: 20 });
    expect(c.email).toMatchObject({ transport: "smtp", smtpUrl: "smtps://u:p@mail.example.com:465", from: "Portal <portal@example.com>" });
    expect(c.trustedProxies).toEqual([
      { kind: "address", address: "127.0.0.1", family: "ipv4" },
      { kind: "subnet", network: "10.0.0.0", prefix: 8, family: "ipv4" },
      { kind: "address", address: "::1", family: "ipv6" },
      { kind: "subnet", network: "fd00::", prefix: 8, family: "ipv6" },
    ]);
    expect(c.instanceAdmins).toEqual(["ada@example.com", "bob@example.com"]);
    expect(c.outbox.worker).toBe(false);
    expect(c.logHotPath).toBe(true);
    expect(c.apiRateLimit.perClient).toBe(5);
  });

  it("treats empty values as unset", () => {
    expect(parseConfig({ PORT: "", DATABASE_URL: "" }).port).toBe(3000);
  });

  it("picks the email transport as documented", () => {
    expect(parseConfig({ RESEND_API_KEY: "re_x", SMTP_URL: "smtp://h" }).email.transport).toBe("resend");
    expect(parseConfig({ SMTP_URL: "smtp://h:25" }).email.transport).toBe("smtp");
    expect(parseConfig({ EMAIL_TRANSPORT: "smtp", RESEND_API_KEY: "re_x", SMTP_URL: "smtp://h" }).email.transport).toBe("smtp");
    expect(parseConfig({ DATABASE_URL: "postgres://h/db", EMAIL_TRANSPORT: "mailbox" }).email.transport).toBe("mailbox");
  });

  it.each([
    ["PORT", "abc", "a port number"],
    ["PORT", "70000", "a port number"],
    ["APP_URL", "portal.example.com", "http:// or https:// URL"],
    ["DATABASE_URL", "mysql://h/db", "postgres://"],
    ["DATABASE_POOL_SIZE", "0", "from 1"],
    ["SMTP_URL", "http://mail", "smtp://"],
    ["EMAIL_TRANSPORT", "pigeon", "resend, smtp or mailbox"],
    ["TRUSTED_PROXIES", "10.0.0.0/40", "CIDR"],
    ["TRUSTED_PROXIES", "proxy.local", "CIDR"],
    ["INSTANCE_ADMINS", "ada@example.com,nobody", "email addresses"],
    ["METRICS_TOKEN", "short", "at least 16"],
    ["MAILBOX_TOKEN", "short", "at least 16"],
    ["AUTH_SECRET", "short", "at least 16"],
    ["OUTBOX_WORKER", "maybe", "on or off"],
    ["OUTBOX_POLL_MS", "-5", "milliseconds"],
    ["API_RATE_LIMIT_PER_CLIENT", "1.5", "requests per minute"],
    ["LOG_HOT_PATH", "sometimes", "1/true"],
  ])("names %s=%s and what it accepts", (name, value, accepts) => {
    const message = failure({ [name]: value });
    expect(message).toContain(name);
    expect(message).toContain(accepts);
    expect(message.split("\n")).toHaveLength(1);
  });

  it("does not echo secrets", () => {
    expect(failure({ METRICS_TOKEN: "hunter2" })).not.toContain("hunter2");
    expect(failure({ SMTP_URL: "ftp://user:hunter2@h" })).not.toContain("hunter2");
  });

  it("names every wrong variable in the one line", () => {
    const message = failure({ PORT: "abc", OUTBOX_WORKER: "maybe" });
    expect(message).toMatch(/PORT.*OUTBOX_WORKER/);
    expect(message.split("\n")).toHaveLength(1);
  });

  it("refuses a transport without what it needs", () => {
    expect(failure({ EMAIL_TRANSPORT: "smtp" })).toContain("SMTP_URL");
    expect(failure({ EMAIL_TRANSPORT: "resend" })).toContain("RESEND_API_KEY");
  });

  it("refuses a real database with no email transport, naming what to set", () => {
    const message = failure({ DATABASE_URL: "postgres://h/db" });
    expect(message).toContain("EMAIL_TRANSPORT=mailbox");
    expect(message).toContain("SMTP_URL");
  });

  it("runs several server processes only on PostgreSQL (PGlite allows one process)", () => {
    expect(parseConfig({}).webConcurrency).toBe(1);
    expect(failure({ WEB_CONCURRENCY: "2" })).toContain("WEB_CONCURRENCY=2 needs PostgreSQL (DATABASE_URL)");
    expect(parseConfig({ WEB_CONCURRENCY: "2", DATABASE_URL: "postgres://h/db", EMAIL_TRANSPORT: "mailbox" }).webConcurrency).toBe(2);
    expect(failure({ WEB_CONCURRENCY: "0" })).toContain("WEB_CONCURRENCY");
  });
});
