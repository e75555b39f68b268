import {
  ZGatewayHealth,
  ZGatewayList,
  ZGatewayModelList,
  ZMe,
  ZReadiness,
  type TGateway,
} from "@kt/contract";
import type { ApiClient } from "./api-client";
import { errorFrom } from "./api-client";
import { CliError } from "./errors";

export type DoctorCheck = { name: string; status: "pass" | "fail" | "skip"; message: string; hint?: string };

/** Beyond this, JWT expiry and relative time filters (`--since 24h`) start to mislead. */
export const MAX_CLOCK_SKEW_SECONDS = 30;

const pass = (name: string, message: string): DoctorCheck => ({ name, status: "pass", message });
const fail = (name: string, message: string, hint: string): DoctorCheck => ({
  name,
  status: "fail",
  message,
  hint,
});
const skip = (name: string, message: string): DoctorCheck => ({ name, status: "skip", message });

/** A gateway to probe directly, as an application would reach it; the key is optional. */
export type GatewayTarget = { url: string; key?: string };

/** Runs every check in order; later ones are skipped when the API cannot be reached at all. */
export async function runChecks(api: ApiClient, gateway?: GatewayTarget): Promise<DoctorCheck[]> {
  const checks = await apiChecks(api);
  if (gateway) checks.push(...(await gatewayChecks(gateway)));
  return checks;
}

async function apiChecks(api: ApiClient): Promise<DoctorCheck[]> {
  const { apiUrl, source } = api.credentials;
  let health;
  try {
    health = await api.raw("GET", "/v1/healthz");
  } catch (e) {
    const details =
      e instanceof CliError ? (e.body.error.details as { reason?: string } | undefined) : undefined;
    return [
      fail(
        "api",
        `cannot reach ${apiUrl} (${details?.reason ?? String(e)})`,
        `start the API (npm run demo) or set the URL with \`kt login --api-url\` or KT_API_URL (now from ${source.apiUrl})`,
      ),
      ...["credentials", "postgres", "redis", "migrations", "clock", "gateways"].map((n) =>
        skip(n, "skipped: the API is unreachable"),
      ),
    ];
  }
  const checks: DoctorCheck[] = [];
  checks.push(
    health.status === 200
      ? pass("api", `reachable at ${apiUrl} (${health.elapsedMs} ms)`)
      : fail(
          "api",
          `${apiUrl}/v1/healthz answered HTTP ${health.status}`,
          "is KT_API_URL pointing at a kt API? check the API's logs",
        ),
  );
  checks.push(await credentials(api));
  checks.push(...(await readiness(api)));
  checks.push(clock(health.headers.get("date"), health.elapsedMs));
  checks.push(await registeredGateways(api, checks[1]?.status === "pass"));
  return checks;
}

async function credentials(api: ApiClient): Promise<DoctorCheck> {
  if (!api.credentials.token)
    return fail(
      "credentials",
      "no API token configured",
      "run `kt login --token kt_api_…` or set KT_API_TOKEN",
    );
  const res = await api.raw("GET", "/v1/me");
  if (res.status === 200) {
    const me = ZMe.safeParse(res.body);
    if (me.success)
      return pass("credentials", `valid: ${me.data.user.email} (${me.data.role}) in ${me.data.org.name}`);
    return fail(
      "credentials",
      "GET /v1/me answered an unexpected shape",
      "upgrade kt or the API so their versions match",
    );
  }
  const hint = `create a new API token in the Console (Settings > API tokens) and run \`kt login --token …\` (token from ${api.credentials.source.token})`;
  return fail("credentials", errorFrom(res).message, hint);
}

async function readiness(api: ApiClient): Promise<DoctorCheck[]> {
  const res = await api.raw("GET", "/v1/readyz");
  const report = ZReadiness.safeParse(res.body);
  if (!report.success) {
    return [
      fail(
        "readiness",
        `GET /v1/readyz answered HTTP ${res.status} in an unexpected shape`,
        "check the API's logs",
      ),
    ];
  }
  return report.data.checks.map((c) =>
    c.ok ? pass(c.name, c.message) : fail(c.name, c.message, c.hint ?? `see the API's logs for ${c.name}`),
  );
}

/** Compares the server's Date header (whole seconds) with this machine's clock, allowing for the round trip. */
export function clock(dateHeader: string | null, roundTripMs: number, now = Date.now()): DoctorCheck {
  const server = dateHeader ? Date.parse(dateHeader) : NaN;
  if (Number.isNaN(server))
    return fail("clock", "the API sent no Date header", "check proxies between you and the API");
  // The header truncates to the second, so the server's true time lies in [server, server + 1 s).
  const skewSeconds = (now - roundTripMs / 2 - (server + 500)) / 1000;
  const rounded = Math.round(skewSeconds);
  const message = `${Math.abs(rounded)} s ${rounded >= 0 ? "ahead of" : "behind"} the API`;
  if (Math.abs(skewSeconds) <= MAX_CLOCK_SKEW_SECONDS) return pass("clock", `in sync (${message})`);
  return fail(
    "clock",
    `this machine is ${message}`,
    "sync the clocks with NTP (e.g. `timedatectl set-ntp true`) on this machine and the API host",
  );
}

/**
 * The org's registered gateways as the control plane sees them. Only a gateway that has phoned home before and
 * stopped is a failure: one registered but never started is reported, not failed.
 */
async function registeredGateways(api: ApiClient, credentialsOk: boolean): Promise<DoctorCheck> {
  if (!credentialsOk) return skip("gateways", "skipped: no valid credentials");
  const res = await api.raw("GET", "/v1/gateways");
  const list = ZGatewayList.safeParse(res.body);
  if (res.status !== 200 || !list.success)
    return fail("gateways", `GET /v1/gateways answered HTTP ${res.status}`, "check the API's logs");
  return gatewaysCheck(list.data.items.filter((g) => !g.archived));
}

export function gatewaysCheck(gateways: TGateway[], now = Date.now()): DoctorCheck {
  if (gateways.length === 0)
    return pass("gateways", "none registered yet (register one in the Console under Gateways)");
  const lost = gateways.filter((g) => g.lastHeartbeatAt && g.status !== "healthy");
  const neverStarted = gateways.filter((g) => !g.lastHeartbeatAt);
  const pending = gateways.filter(
    (g) =>
      g.status === "healthy" &&
      g.assignedConfigVersion !== null &&
      g.assignedConfigVersion !== g.configVersionInForce,
  );
  const healthy = gateways.length - lost.length - neverStarted.length;
  const notes = [
    neverStarted.length ? `${neverStarted.length} never started (${names(neverStarted)})` : "",
    pending.length ? `config sync pending on ${names(pending)}` : "",
  ].filter(Boolean);
  const summary = `${healthy} of ${gateways.length} healthy${notes.length ? `; ${notes.join("; ")}` : ""}`;
  if (lost.length === 0) return pass("gateways", summary);
  const detail = lost
    .map((g) => `${g.name} ${g.status}, last heartbeat ${ago(Date.parse(g.lastHeartbeatAt!), now)}`)
    .join(", ");
  return fail(
    "gateways",
    `${detail} (${summary})`,
    "restart it with `kt gateway run --control-plane <API URL> --gateway-token <its credential>` and check it can reach the API; archive it if it is retired",
  );
}

const names = (gateways: TGateway[]) => gateways.map((g) => g.name).join(", ");

function ago(then: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  if (seconds < 120) return `${seconds} s ago`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min ago`;
  return `${Math.round(seconds / 3600)} h ago`;
}

/** Probes a gateway the way an application would: its health, then (with a key) the models that key may use. */
async function gatewayChecks(target: GatewayTarget): Promise<DoctorCheck[]> {
  const base = target.url.replace(/\/+$/, "").replace(/\/v1$/, "");
  const checks: DoctorCheck[] = [];
  let health: Response;
  try {
    health = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(5_000) });
  } catch (e) {
    const reason = (e as { cause?: { code?: string } }).cause?.code ?? String(e);
    checks.push(
      fail(
        "gateway",
        `cannot reach ${base} (${reason})`,
        "start it with `kt gateway run` or check --gateway-url",
      ),
    );
    if (target.key) checks.push(skip("gateway-key", "skipped: the gateway is unreachable"));
    return checks;
  }
  const report = ZGatewayHealth.safeParse(await health.json().catch(() => null));
  if (!report.success) {
    checks.push(
      fail(
        "gateway",
        `${base}/healthz answered HTTP ${health.status}, not a kt gateway's health report`,
        "check --gateway-url points at a kt gateway",
      ),
    );
  } else if (report.data.status !== "ok") {
    checks.push(
      fail(
        "gateway",
        `${base} is up but has no config yet`,
        "check the gateway's log: it may not reach the control plane or its policy config is invalid",
      ),
    );
  } else {
    const { configVersion, spoolDepth, uptimeSeconds } = report.data;
    const spool = spoolDepth ? `, ${spoolDepth} event(s) waiting in its spool` : ", spool empty";
    checks.push(pass("gateway", `${base}: config v${configVersion ?? "?"}, up ${uptimeSeconds} s${spool}`));
  }
  if (target.key) checks.push(await gatewayKey(base, target.key));
  return checks;
}

async function gatewayKey(base: string, key: string): Promise<DoctorCheck> {
  const res = await fetch(`${base}/v1/models`, {
    headers: { authorization: `Bearer ${key}` },
    signal: AbortSignal.timeout(5_000),
  }).catch(() => null);
  if (!res) return fail("gateway-key", `${base}/v1/models did not answer`, "check the gateway's log");
  const body: unknown = await res.json().catch(() => null);
  if (res.status === 200) {
    const models = ZGatewayModelList.safeParse(body);
    if (models.success) {
      const ids = models.data.data.map((m) => m.id);
      return pass(
        "gateway-key",
        `accepted; ${ids.length} model(s) allowed: ${ids.slice(0, 5).join(", ")}${ids.length > 5 ? ", …" : ""}`,
      );
    }
  }
  const message = (body as { error?: { message?: string } } | null)?.error?.message ?? `HTTP ${res.status}`;
  return fail(
    "gateway-key",
    `refused: ${message}`,
    "create or rotate a gateway key in the Console (Settings > Gateway keys) and use it as OPENAI_API_KEY",
  );
}
