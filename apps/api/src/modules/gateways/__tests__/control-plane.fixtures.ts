import { BUILTIN_TEMPLATES } from "@kt/contract";
import type { Client, TestApi, TestOrg } from "../../../test/harness";

/** Small YAML configs for tests: `policyYaml(limit)` differs by its monthly limit. */
export function policyYaml(limit = 2000, extra = ""): string {
  return `policies:
  - name: team-budget
    type: cost_limit
    monthly_limit: ${limit}
    action: block
    enabled: true
  - name: team-security
    type: prompt-injection
    action: block
${extra}`;
}

export const DEMO_YAML = BUILTIN_TEMPLATES.find((t) => t.id === "demo-team-policy")!.yaml;

function ok<T>(res: { status: number; body: T }, status: number, what: string): T {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function createTeam(org: TestOrg, name: string, members: string[] = []): Promise<{ id: string; name: string }> {
  const team = ok(await org.as.admin.post("/v1/teams", { name }), 201, "create team");
  for (const userId of members) ok(await org.as.admin.post(`/v1/teams/${team.id}/members`, { userId }), 201, "add member");
  return team;
}

export async function createConfig(as: Client, input: { name: string; yaml?: string; teamId?: string | null }) {
  const res = await as.post("/v1/policy-configs", { name: input.name, yaml: input.yaml ?? policyYaml(), teamId: input.teamId ?? null });
  return ok(res, 201, "create config").config;
}

export async function registerGateway(as: Client, input: { name: string; teamId?: string | null; policyConfigId?: string | null; environment?: string }) {
  return ok(await as.post("/v1/gateways", input), 201, "register gateway");
}

export async function issueKey(as: Client, input: { name: string; teamId: string; gatewayId: string; expiresAt?: string }) {
  return ok(await as.post("/v1/gateway-keys", input), 201, "issue key");
}

/** A team with the org's manager in it, a config and a gateway running it. */
export async function managedSetup(api: TestApi, org: TestOrg, label: string) {
  const team = await createTeam(org, `Team ${label}`, [org.users.manager.id]);
  const config = await createConfig(org.as.admin, { name: `config-${label}`, teamId: team.id });
  const gateway = await registerGateway(org.as.admin, { name: `gw-${label}`, teamId: team.id, policyConfigId: config.id });
  return { team, config, gateway, gw: gatewayClient(api, gateway.credential) };
}

/** Calls the API as a gateway does: with its `kt_gw_…` credential. */
export function gatewayClient(api: TestApi, credential: string) {
  const headers = (extra: Record<string, string> = {}) => ({ authorization: `Bearer ${credential}`, ...extra });
  return {
    sync: (opts: { etag?: string; wait?: number; signal?: AbortSignal } = {}) =>
      fetch(`${api.url}/v1/gateway/sync${opts.wait ? `?wait=${opts.wait}` : ""}`, {
        headers: headers(opts.etag ? { "if-none-match": opts.etag } : {}),
        signal: opts.signal,
      }),
    heartbeat: (body: unknown) =>
      fetch(`${api.url}/v1/gateway/heartbeat`, { method: "POST", headers: headers({ "content-type": "application/json" }), body: JSON.stringify(body) }),
  };
}
