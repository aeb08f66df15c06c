import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { Webhook } from "standardwebhooks";
import { checkWebhookUrl, UnsafeWebhookUrl, type CheckedTarget } from "./address-guard";

export const SEND_TIMEOUT_MS = 5_000;
const SNIPPET_BYTES = 1024;

export type SendResult = {
  ok: boolean;
  status: number | null;
  snippet: string | null;
  durationMs: number;
  error: string | null;
};

export type SignedMessage = { eventId: string; body: string; secret: string };

/** The Standard Webhooks headers: webhook-id, webhook-timestamp (seconds) and v1 HMAC-SHA256 signature. */
export function signedHeaders({ eventId, body, secret }: SignedMessage, at = new Date()): Record<string, string> {
  return {
    "content-type": "application/json",
    "user-agent": "OrgPortal-Webhooks/1",
    "webhook-id": eventId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(eventId, at, body),
  };
}

/** A lookup that always answers the address the guard checked: DNS is not asked a second time. */
function pinnedLookup(target: CheckedTarget): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
}

/**
 * Checks the URL again (DNS may have changed since it was saved), then POSTs once to the address
 * it checked, with a 5 s limit on the whole exchange. Redirects are not followed: a 3xx is a
 * failure and its Location is never fetched. Only the status, a short text snippet of the answer
 * and the duration are kept; nothing of the answer is ever rendered by the app.
 */
export async function sendWebhook(rawUrl: string, message: SignedMessage, timeoutMs = SEND_TIMEOUT_MS): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let target: CheckedTarget;
  try {
    target = await checkWebhookUrl(rawUrl);
  } catch (err) {
    const error = err instanceof UnsafeWebhookUrl ? `Refused: ${err.message}` : "The URL could not be checked.";
    return { ok: false, status: null, snippet: null, durationMs: elapsed(), error };
  }
  const headers = signedHeaders(message);
  return new Promise<SendResult>((resolve) => {
    let settled = false;
    const finish = (result: Omit<SendResult, "durationMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, durationMs: elapsed() });
    };
    const { url } = target;
    const request = (url.protocol === "https:" ? https : http).request({
      method: "POST",
      protocol: url.protocol,
      host: url.hostname.replace(/^\[(.*)\]$/, "$1"),
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      headers: { ...headers, "content-length": String(Buffer.byteLength(message.body)) },
      lookup: pinnedLookup(target),
      // A fresh connection per delivery: a pooled socket could have been opened to another address.
      agent: false,
    });
    const timer = setTimeout(() => {
      request.destroy();
      finish({ ok: false, status: null, snippet: null, error: `No answer within ${timeoutMs / 1000} s.` });
    }, timeoutMs);
    request.on("error", (err: NodeJS.ErrnoException) => {
      finish({ ok: false, status: null, snippet: null, error: describeNetworkError(err) });
    });
    request.on("response", (response) => {
      const status = response.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => {
        const snippet = Buffer.concat(chunks)
          .subarray(0, SNIPPET_BYTES)
          .toString("utf8")
          .replace(/\uFFFD+$/, "");
        response.destroy();
        const ok = status >= 200 && status < 300;
        const error = ok
          ? null
          : status >= 300 && status < 400
            ? `Answered ${status} (a redirect): redirects are not followed; use the final URL.`
            : `Answered ${status}.`;
        finish({ ok, status, snippet: snippet || null, error });
      };
      response.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= SNIPPET_BYTES) done();
      });
      response.on("end", done);
      response.on("error", done);
    });
    request.end(message.body);
  });
}

function describeNetworkError(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case "ECONNREFUSED":
      return "Connection refused.";
    case "ECONNRESET":
      return "The connection was reset.";
    case "ETIMEDOUT":
      return "The connection timed out.";
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return "The host cannot be reached.";
    default:
      return err.code?.startsWith("ERR_TLS") || err.code?.includes("CERT")
        ? `TLS failed (${err.code}).`
        : `Request failed (${err.code ?? err.message}).`;
  }
}
