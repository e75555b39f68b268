import { ZMe, ZReadiness } from "@kt/contract";
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

/** Runs every check in order; later ones are skipped when the API cannot be reached at all. */
export async function runChecks(api: ApiClient): Promise<DoctorCheck[]> {
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
      ...["credentials", "postgres", "redis", "migrations", "clock"].map((n) =>
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
