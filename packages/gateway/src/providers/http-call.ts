import { Agent, errors as undiciErrors, type Dispatcher } from "undici";
import { UpstreamUnavailable, type ClientGone } from "./types";

/** One keep-alive pool per target. */
export function createAgent(): Agent {
  return new Agent({
    keepAliveTimeout: 30_000,
    keepAliveMaxTimeout: 120_000,
    connections: 256,
    pipelining: 1,
  });
}

export type THttpCall = {
  targetId: string;
  agent: Dispatcher;
  url: string;
  headers: Record<string, string>;
  /** A value to send as JSON, or JSON bytes to send as they are. */
  body: unknown;
  timeoutMs: number;
  signal: ClientGone;
};

/**
 * POSTs JSON to a provider. Connection failures, timeouts and 5xx become UpstreamUnavailable (the router fails over);
 * other statuses are returned for the caller to pass on.
 */
export async function postJson(call: THttpCall): Promise<Dispatcher.ResponseData> {
  let res: Dispatcher.ResponseData;
  try {
    const { origin, path } = splitUrl(call.url);
    res = await call.agent.request({
      origin,
      path,
      method: "POST",
      headers: { "content-type": "application/json", ...call.headers },
      body: Buffer.isBuffer(call.body) ? call.body : JSON.stringify(call.body),
      headersTimeout: call.timeoutMs,
      bodyTimeout: call.timeoutMs,
      signal: call.signal,
    });
  } catch (err) {
    throw toUnavailable(call.targetId, err);
  }
  if (res.statusCode >= 500) {
    const text = await res.body.text().catch(() => "");
    throw new UpstreamUnavailable(
      call.targetId,
      "server_error",
      `upstream answered ${res.statusCode}: ${text.slice(0, 200)}`,
    );
  }
  return res;
}

// A target's URLs are few and fixed: parse each once rather than on every call.
const splitUrls = new Map<string, { origin: string; path: string }>();

function splitUrl(url: string): { origin: string; path: string } {
  let split = splitUrls.get(url);
  if (!split) {
    const u = new URL(url);
    split = { origin: u.origin, path: u.pathname + u.search };
    if (splitUrls.size < 1000) splitUrls.set(url, split);
  }
  return split;
}

export function toUnavailable(targetId: string, err: unknown): UpstreamUnavailable {
  if (err instanceof UpstreamUnavailable) return err;
  const isTimeout =
    err instanceof undiciErrors.HeadersTimeoutError ||
    err instanceof undiciErrors.BodyTimeoutError ||
    (err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError"));
  const message = err instanceof Error ? err.message : String(err);
  return new UpstreamUnavailable(targetId, isTimeout ? "timeout" : "connect", message);
}

export async function readJsonOrText(res: Dispatcher.ResponseData): Promise<unknown> {
  const text = await res.body.text();
  try {
    return JSON.parse(text);
  } catch {
    return { error: { message: text.slice(0, 500), type: "upstream_error" } };
  }
}

export function readSecret(envName: string | undefined): string | undefined {
  return envName ? process.env[envName] : undefined;
}

export function modelMatcher(models: string[]): (model: string) => boolean {
  if (models.length === 0) return () => true;
  const exact = new Set(models.filter((m) => !m.endsWith("*")));
  const prefixes = models.filter((m) => m.endsWith("*")).map((m) => m.slice(0, -1));
  return (model) => exact.has(model) || prefixes.some((p) => model.startsWith(p));
}
