// The one place that reads the environment. Every variable is parsed once (on first use) with
// zod; a wrong value fails with one line that names the variable and what it accepts, so an
// operator sees what to fix instead of a stack trace later. This module imports nothing from the
// app (only zod and node built-ins), so every layer, db/ included, may read it.
import net from "node:net";
import path from "node:path";
import { z } from "zod";

const BOOLEAN = ["1", "true", "yes", "on", "0", "false", "no", "off"] as const;

/** Empty strings count as unset: `FOO= npm start` and an empty line in an env file mean "default". */
const opt = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

const integer = (min: number, max: number, accepts: string) =>
  z
    .string({ error: accepts })
    .regex(/^\d+$/, { error: accepts })
    .transform(Number)
    .pipe(z.number({ error: accepts }).int({ error: accepts }).min(min, { error: accepts }).max(max, { error: accepts }));

const flag = (accepts = "1/true/yes/on or 0/false/no/off") =>
  z.enum(BOOLEAN, { error: accepts }).transform((v) => ["1", "true", "yes", "on"].includes(v));

const url = (protocols: string[], accepts: string) =>
  z.string({ error: accepts }).refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    { error: accepts },
  );

const secret = (minLength: number) =>
  z.string().min(minLength, { error: `a secret of at least ${minLength} characters (e.g. openssl rand -hex 32)` });

/** One proxy address or CIDR block, as net.BlockList takes it. */
export type ProxyRule =
  | { kind: "address"; address: string; family: "ipv4" | "ipv6" }
  | { kind: "subnet"; network: string; prefix: number; family: "ipv4" | "ipv6" };

function parseProxyRule(entry: string): ProxyRule | undefined {
  const [address, prefixText, ...rest] = entry.split("/");
  const version = net.isIP(address);
  if (!version || rest.length) return undefined;
  const family = version === 4 ? "ipv4" : "ipv6";
  if (prefixText === undefined) return { kind: "address", address, family };
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > (version === 4 ? 32 : 128)) return undefined;
  return { kind: "subnet", network: address, prefix: Number(prefixText), family };
}

const list = (v: string) =>
  v
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);

const PROXIES_ACCEPTS = "IP addresses or CIDR blocks separated by commas (e.g. 127.0.0.1,10.0.0.0/8)";
const trustedProxies = z.string().transform((v, ctx) => {
  const rules: ProxyRule[] = [];
  for (const entry of list(v)) {
    const rule = parseProxyRule(entry);
    if (!rule) {
      ctx.addIssue({ code: "custom", message: `${PROXIES_ACCEPTS}; "${entry}" is neither` });
      return z.NEVER;
    }
    rules.push(rule);
  }
  return rules;
});

const ADMINS_ACCEPTS = "email addresses separated by commas";
const emailList = z.string().transform((v, ctx) => {
  const emails = list(v).map((e) => e.toLowerCase());
  const bad = emails.find((e) => !z.email().safeParse(e).success);
  if (bad !== undefined) {
    ctx.addIssue({ code: "custom", message: `${ADMINS_ACCEPTS}; "${bad}" is not one` });
    return z.NEVER;
  }
  return emails;
});

const DNS_ACCEPTS = "DNS server addresses with optional ports, comma-separated (e.g. 127.0.0.1:5353,[::1]:53)";
/** "host", "host:port", "[v6]" or "[v6]:port", as node:dns Resolver.setServers takes them. */
const dnsServers = z.string().transform((v, ctx) => {
  const servers = list(v);
  const bad = servers.find((s) => {
    const m = /^\[([0-9a-fA-F:.]+)\](?::(\d{1,5}))?$/.exec(s) ?? /^([0-9.]+)(?::(\d{1,5}))?$/.exec(s);
    return !m || !net.isIP(m[1]) || (m[2] !== undefined && Number(m[2]) > 65535);
  });
  if (bad !== undefined || servers.length === 0) {
    ctx.addIssue({ code: "custom", message: bad === undefined ? DNS_ACCEPTS : `${DNS_ACCEPTS}; "${bad}" is not one` });
    return z.NEVER;
  }
  return servers;
});

const EMAIL_TRANSPORTS = ["resend", "smtp", "mailbox"] as const;

/** The variables, as they come in. Descriptions for people live in docs/configuration.md. */
const envSchema = z.object({
  // Serving
  PORT: opt(integer(0, 65535, "a port number from 0 to 65535")),
  HOSTNAME: opt(z.string()),
  WEB_CONCURRENCY: opt(integer(1, 256, "a number of server processes, a whole number from 1 to 256")),
  APP_URL: opt(url(["http:", "https:"], "an http:// or https:// URL (the address users open)")),
  TRUSTED_PROXIES: opt(trustedProxies),
  CHANNELS_DIR: opt(z.string()),
  DEFAULT_CHANNEL: opt(z.string().regex(/^[\w.-]+$/, { error: "a channel folder name (letters, digits, . _ -)" })),
  PACKAGES_DIR: opt(z.string()),
  MAX_PACKAGE_BYTES: opt(integer(1, 2 ** 42, "a size in bytes, a whole number from 1 (e.g. 2147483648 for 2 GiB)")),
  PACKAGE_MEMORY_CACHE_MB: opt(integer(0, 1_048_576, "megabytes, a whole number from 0 (0 turns the cache off)")),
  // Database
  DATABASE_URL: opt(url(["postgres:", "postgresql:"], "a postgres:// or postgresql:// URL")),
  DATABASE_POOL_SIZE: opt(integer(1, 1000, "a whole number from 1 to 1000")),
  PGLITE_DIR: opt(z.string()),
  // Secrets
  AUTH_SECRET: opt(secret(16)),
  NEXTAUTH_SECRET: opt(secret(16)),
  METRICS_TOKEN: opt(secret(16)),
  MAILBOX_TOKEN: opt(secret(16)),
  // Instance
  INSTANCE_ADMINS: opt(emailList),
  // Email
  EMAIL_TRANSPORT: opt(z.enum(EMAIL_TRANSPORTS, { error: "resend, smtp or mailbox" })),
  RESEND_API_KEY: opt(z.string()),
  SMTP_URL: opt(url(["smtp:", "smtps:"], "an smtp:// or smtps:// URL (smtp://user:pass@host:587)")),
  EMAIL_FROM: opt(z.string().min(3, { error: 'a sender such as "Org Portal <portal@example.com>"' })),
  OUTBOX_WORKER: opt(z.enum(["on", "off"], { error: "on or off" })),
  OUTBOX_POLL_MS: opt(integer(10, 3_600_000, "milliseconds from 10 to 3600000")),
  // Limits and the token hot path
  API_RATE_LIMIT_PER_CLIENT: opt(integer(1, 10_000_000, "requests per minute, a whole number from 1")),
  API_RATE_LIMIT_PER_ORG: opt(integer(1, 10_000_000, "requests per minute, a whole number from 1")),
  TOKEN_USAGE_FLUSH_MS: opt(integer(100, 3_600_000, "milliseconds from 100 to 3600000")),
  TOKEN_USAGE_DELAY_MS: opt(integer(100, 86_400_000, "milliseconds from 100 to 86400000")),
  SIGN_UP_LIMIT_PER_HOUR: opt(integer(1, 10_000_000, "sign-ups per hour from one IP address, a whole number from 1")),
  ORG_CREATION_LIMIT_PER_HOUR: opt(integer(1, 10_000_000, "organizations per hour per account, a whole number from 1")),
  INVITATION_LIMIT_PER_HOUR: opt(integer(1, 10_000_000, "invitation requests per hour per account, a whole number from 1")),
  LOG_HOT_PATH: opt(flag()),
  // Outbound: DNS look-ups (domain verification, webhook addresses) and webhook targets
  DNS_SERVERS: opt(dnsServers),
  WEBHOOKS_ALLOW_PRIVATE: opt(flag()),
  OIDC_ALLOW_HTTP_ISSUERS: opt(flag()),
  // Launcher and tools
  SKIP_BUILD: opt(flag()),
  BENCH_DEBUG: opt(flag()),
  // Set by Next.js itself while it builds.
  NEXT_PHASE: opt(z.string()),
});

type Env = z.infer<typeof envSchema>;

/** A wrong or missing setting; the message is the one line an operator sees. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

const SECRET_NAMES = new Set([
  "AUTH_SECRET",
  "NEXTAUTH_SECRET",
  "METRICS_TOKEN",
  "MAILBOX_TOKEN",
  "RESEND_API_KEY",
  "SMTP_URL",
  "DATABASE_URL",
]);

function describeIssues(issues: z.core.$ZodIssue[], source: Record<string, string | undefined>) {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const issue of issues) {
    const name = String(issue.path[0] ?? "configuration");
    if (seen.has(name)) continue;
    seen.add(name);
    const value = source[name];
    const shown = value === undefined || SECRET_NAMES.has(name) ? "" : `=${JSON.stringify(value).slice(0, 60)}`;
    parts.push(`${name}${shown} is not valid: expected ${issue.message}`);
  }
  return `Invalid configuration: ${parts.join("; ")}.`;
}

// PGlite is a database inside one process: a second server process cannot open it.
function webConcurrency(env: Env) {
  const n = env.WEB_CONCURRENCY ?? 1;
  if (n > 1 && !env.DATABASE_URL)
    throw new ConfigError(
      `Invalid configuration: WEB_CONCURRENCY=${n} needs PostgreSQL (DATABASE_URL): the embedded database allows one server process.`,
    );
  return n;
}

function resolveEmail(env: Env) {
  const explicit = env.EMAIL_TRANSPORT;
  if (explicit === "resend" && !env.RESEND_API_KEY)
    throw new ConfigError("Invalid configuration: EMAIL_TRANSPORT=resend needs RESEND_API_KEY.");
  if (explicit === "smtp" && !env.SMTP_URL)
    throw new ConfigError("Invalid configuration: EMAIL_TRANSPORT=smtp needs SMTP_URL (smtp://user:pass@host:587 or smtps://...).");
  const transport = explicit ?? (env.RESEND_API_KEY ? "resend" : env.SMTP_URL ? "smtp" : "mailbox");
  // With a real database this is a real deployment: mail kept in the local mailbox would never
  // reach anyone, so the start is refused unless the operator asked for exactly that.
  if (env.DATABASE_URL && transport === "mailbox" && explicit !== "mailbox")
    throw new ConfigError(
      "Invalid configuration: DATABASE_URL is set but no email transport is: set SMTP_URL (smtp://user:pass@host:587) or RESEND_API_KEY, or EMAIL_TRANSPORT=mailbox to keep mail in the local mailbox.",
    );
  return {
    transport,
    resendApiKey: env.RESEND_API_KEY,
    smtpUrl: env.SMTP_URL,
    from: env.EMAIL_FROM ?? "Org Portal <portal@example.com>",
  };
}

function build(env: Env) {
  const port = env.PORT ?? 3000;
  return {
    port,
    hostname: env.HOSTNAME,
    appUrl: (env.APP_URL ?? `http://localhost:${port}`).replace(/\/+$/, ""),
    trustedProxies: env.TRUSTED_PROXIES ?? [],
    channelsDir: env.CHANNELS_DIR,
    defaultChannel: env.DEFAULT_CHANNEL ?? "sample",
    // Org channels' package files; uploads are streamed to a temporary file in the same folder.
    packagesDir: path.resolve(env.PACKAGES_DIR ?? path.join(".data", "packages")),
    maxPackageBytes: env.MAX_PACKAGE_BYTES ?? 2 * 1024 ** 3,
    // Often-downloaded package files kept in memory by each server process (lib/hot-path/file-memory-cache.ts).
    packageMemoryCacheBytes: (env.PACKAGE_MEMORY_CACHE_MB ?? 256) * 1024 ** 2,
    database: {
      url: env.DATABASE_URL,
      poolSize: env.DATABASE_POOL_SIZE ?? 10,
      pgliteDir: path.resolve(env.PGLITE_DIR ?? path.join(".data", "pglite")),
    },
    authSecret: env.AUTH_SECRET ?? env.NEXTAUTH_SECRET,
    metricsToken: env.METRICS_TOKEN,
    mailboxToken: env.MAILBOX_TOKEN,
    instanceAdmins: env.INSTANCE_ADMINS ?? [],
    email: resolveEmail(env),
    outbox: { worker: env.OUTBOX_WORKER !== "off", pollMs: env.OUTBOX_POLL_MS ?? 1000 },
    apiRateLimit: { perClient: env.API_RATE_LIMIT_PER_CLIENT ?? 600, perOrg: env.API_RATE_LIMIT_PER_ORG ?? 2400 },
    tokenUsageFlushMs: env.TOKEN_USAGE_FLUSH_MS ?? 15_000,
    tokenUsageDelayMs: env.TOKEN_USAGE_DELAY_MS ?? 300_000,
    // Anti-automation; each IP address gets three times the per-account budget (shared offices).
    abuseLimits: {
      signUpsPerIp: env.SIGN_UP_LIMIT_PER_HOUR ?? 20,
      orgCreationsPerAccount: env.ORG_CREATION_LIMIT_PER_HOUR ?? 20,
      invitationsPerAccount: env.INVITATION_LIMIT_PER_HOUR ?? 300,
    },
    logHotPath: env.LOG_HOT_PATH ?? false,
    webConcurrency: webConcurrency(env),
    // Unset: the system's resolver (getaddrinfo, so /etc/hosts counts too).
    dnsServers: env.DNS_SERVERS,
    // Tests and closed networks only: webhooks may then reach loopback and private addresses.
    webhooksAllowPrivate: env.WEBHOOKS_ALLOW_PRIVATE ?? false,
    // Tests only: single sign-on may then use an http:// issuer (an OpenID Provider on 127.0.0.1).
    oidcAllowHttpIssuers: env.OIDC_ALLOW_HTTP_ISSUERS ?? false,
    skipBuild: env.SKIP_BUILD ?? false,
    benchDebug: env.BENCH_DEBUG ?? false,
    nextPhase: env.NEXT_PHASE,
  };
}

export type Config = ReturnType<typeof build>;

/** Parses an environment; throws ConfigError with one line naming every wrong variable. */
export function parseConfig(source: Record<string, string | undefined>): Config {
  const result = envSchema.safeParse(source);
  if (!result.success) throw new ConfigError(describeIssues(result.error.issues, source));
  return build(result.data);
}

let cached: Config | undefined;

/** The configuration of this process, parsed from process.env on first use. */
export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

/** Forgets the parsed configuration, so the next config() reads process.env again (tests). */
export function resetConfig() {
  cached = undefined;
}

/**
 * For entry points (server, scripts): parse now, and on a wrong value print the one line and
 * exit non-zero instead of failing later with a stack trace.
 */
export function configOrExit(): Config {
  try {
    return config();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
}

/** The public address of the app, used in links inside emails. */
export function appUrl(): string {
  return config().appUrl;
}
