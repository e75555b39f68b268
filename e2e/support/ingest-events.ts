import { randomUUID } from "node:crypto";
import {
  ZGatewayWithCredential,
  ZSession,
  ZTeamList,
  type TEventAction,
  type TGatewayEvent,
  type TPolicyDecision,
} from "@kt/contract";
import { apiUrl, demoUser } from "./demo";

/** A user name only this run's events carry, so a journey can filter down to them. */
export type TSeededEvents = { user: string; gatewayName: string; count: number; unpricedModel: string };

async function call(token: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${apiUrl()}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
  return res.json();
}

function decision(action: TEventAction): TPolicyDecision[] {
  const pii: TPolicyDecision = { policy: "pii", type: "pii-detector", stage: "request", action: "redact", triggered: action === "redacted", latencyUs: 150, details: {} };
  if (action === "redacted") pii.reason = "email address redacted";
  if (action === "blocked") {
    return [pii, { policy: "prompt-injection", type: "prompt-injection", stage: "request", action: "block", triggered: true, reason: "instruction override attempt", latencyUs: 210, details: {} }];
  }
  if (action === "escalated") {
    return [pii, { policy: "dlp", type: "dlp-filter", stage: "request", action: "escalate", triggered: true, reason: "source code with a secret", latencyUs: 180, details: {} }];
  }
  return [pii];
}

async function adminToken(): Promise<string> {
  const admin = demoUser("admin");
  const login = await fetch(`${apiUrl()}/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: admin.email, password: admin.password }),
  });
  if (!login.ok) throw new Error(`admin log-in answered ${login.status}`);
  return ZSession.parse(await login.json()).token;
}

/** Creates a cost export as the admin, so the Exports view has a job to show. */
export async function createCostExportAsAdmin(): Promise<void> {
  await call(await adminToken(), "POST", "/v1/exports", { type: "cost", format: "csv", since: "7d", description: "e2e cost export" });
}

/**
 * Registers a gateway for the demo org's first team and reports events through it, exactly as a real gateway
 * would (POST /v1/ingest/events with its credential), spread over the last 20 hours.
 */
export async function ingestDemoEvents(count = 60): Promise<TSeededEvents> {
  const token = await adminToken();
  const teams = ZTeamList.parse(await call(token, "GET", "/v1/teams"));
  const team = teams.items[0];
  if (!team) throw new Error("the demo org has no team");
  const tag = randomUUID().slice(0, 8);
  const gateway = ZGatewayWithCredential.parse(
    await call(token, "POST", "/v1/gateways", { name: `e2e-data-${tag}`, teamId: team.id }),
  );
  const user = `journey-${tag}@acme.test`;
  // A fine-tuned model no price table knows: the Cost Center must call it out.
  const unpricedModel = `ft:gpt-4o-mini:e2e-${tag}`;
  const actions: TEventAction[] = ["allowed", "allowed", "allowed", "redacted", "blocked", "escalated"];
  const now = Date.now();
  const events: TGatewayEvent[] = Array.from({ length: count }, (_, i) => {
    const action = actions[i % actions.length]!;
    const blocked = action === "blocked";
    return {
      id: randomUUID(),
      ts: new Date(now - ((i * 20) / count) * 3_600_000 - 60_000).toISOString(),
      orgId: null,
      gatewayId: gateway.id,
      teamId: team.id,
      keyId: null,
      endUser: i % 2 === 0 ? user : `colleague-${tag}@acme.test`,
      provider: "openai",
      model: i % 5 === 0 ? unpricedModel : "gpt-4o-mini",
      stream: false,
      promptTokens: 400 + i * 10,
      completionTokens: blocked ? 0 : 200,
      cachedTokens: 0,
      tokensEstimated: false,
      costUsd: null,
      latencyMs: blocked ? 3 : 800,
      policyLatencyMs: 0.4,
      status: blocked ? "blocked" : "success",
      httpStatus: blocked ? 403 : 200,
      action,
      decisions: decision(action),
      blockedBy: blocked ? { policy: "prompt-injection", reason: "instruction override attempt" } : null,
      promptRedacted: null,
      promptHash: null,
      error: null,
      configVersion: null,
    };
  });
  const res = await fetch(`${apiUrl()}/v1/ingest/events`, {
    method: "POST",
    headers: { authorization: `Bearer ${gateway.credential}`, "content-type": "application/json" },
    body: JSON.stringify({ events }),
  });
  if (!res.ok) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
  return { user, gatewayName: gateway.name, count, unpricedModel };
}
