import type { TGatewayEvent } from "@kt/contract";
import { randomBytes } from "node:crypto";
import { v7 as uuidv7 } from "uuid";
import { sha256 } from "../../../common/crypto";
import { client, type Client, type TestApi, type TestOrg } from "../../../test/harness";

export type TestGateway = { id: string; name: string; token: string; api: Client };

/** A registered gateway with its credential (inserted directly: these tests are not about registration). */
export async function createGateway(
  api: TestApi,
  org: TestOrg,
  opts: { teamId?: string | null; name?: string } = {},
): Promise<TestGateway> {
  const token = `kt_gw_${randomBytes(24).toString("base64url")}`;
  const name = opts.name ?? `gw-${randomBytes(3).toString("hex")}`;
  const row = await api.db.gateway.create({
    data: {
      orgId: org.orgId,
      name,
      teamId: opts.teamId ?? null,
      credentialPrefix: token.slice(0, 12),
      credentialHash: sha256(token),
    },
  });
  return { id: row.id, name, token, api: client(api.url, token) };
}

export async function createTeam(
  org: TestOrg,
  name = `team-${randomBytes(3).toString("hex")}`,
): Promise<{ id: string; name: string }> {
  const res = await org.as.admin.post("/v1/teams", { name });
  if (res.status !== 201) throw new Error(`team create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id, name };
}

/** A gateway event as the gateway sends it; the id is a UUIDv7 of `ts`. */
export function gatewayEvent(over: Partial<TGatewayEvent> = {}): TGatewayEvent {
  const ts = over.ts ?? new Date().toISOString();
  return {
    id: uuidv7({ msecs: Date.parse(ts) }),
    ts,
    orgId: null,
    gatewayId: null,
    teamId: null,
    keyId: null,
    endUser: "dev@example.test",
    provider: "openai",
    model: "gpt-4o-mini",
    stream: false,
    promptTokens: 120,
    completionTokens: 80,
    cachedTokens: 0,
    tokensEstimated: false,
    costUsd: null,
    latencyMs: 420,
    policyLatencyMs: 0.3,
    status: "success",
    httpStatus: 200,
    action: "allowed",
    decisions: [],
    blockedBy: null,
    promptRedacted: null,
    promptHash: null,
    error: null,
    configVersion: 1,
    ...over,
  };
}

/** Polls until `check` returns a value (not undefined) or the time runs out. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 5_000,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
