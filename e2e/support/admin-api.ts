import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import type { TRole } from "@kt/contract";
import { z } from "zod";
import { apiUrl, DEMO_FILE, demoUser } from "./demo";

/** The demo stack's managed gateway, as `npm run demo` writes it (`gateway.url` ends in /v1). */
const ZDemoGateway = z.object({ gateway: z.object({ url: z.string(), name: z.string() }).optional() });

export function demoGateway(): { url: string; name: string } | null {
  const file = process.env.KT_DEMO_FILE ?? DEMO_FILE;
  if (!existsSync(file)) return null;
  return ZDemoGateway.parse(JSON.parse(readFileSync(file, "utf8"))).gateway ?? null;
}

export type TApiAnswer = { status: number; body: unknown };

/** Calls the kt API directly (not through the Console) as a demo user, or with a given bearer token. */
export class KtApi {
  private constructor(private readonly token: string) {}

  static async as(role: TRole): Promise<KtApi> {
    const user = demoUser(role);
    const res = await fetch(`${apiUrl()}/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: user.email, password: user.password }),
    });
    if (!res.ok) throw new Error(`log-in of ${user.email} answered ${res.status}`);
    return new KtApi(z.object({ token: z.string() }).parse(await res.json()).token);
  }

  static withToken(token: string): KtApi {
    return new KtApi(token);
  }

  async call(method: string, path: string, body?: unknown): Promise<TApiAnswer> {
    const res = await fetch(`${apiUrl()}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  }

  async ok<T>(method: string, path: string, body?: unknown): Promise<T> {
    const answer = await this.call(method, path, body);
    if (answer.status >= 300)
      throw new Error(`${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body as T;
  }
}

type TId = { id: string };

/**
 * Data for the administration views, made through the API as an admin would: a second config version (so there is
 * a diff), a registered gateway whose credential sends three escalated events to the ingest route (so the queue has
 * a P1 overdue, a P2 and a P3), a gateway key, a team and a webhook. Idempotent enough to run before each spec.
 */
export async function seedAdminData(): Promise<void> {
  const admin = await KtApi.as("admin");
  const configs = await admin.ok<{ items: (TId & { name: string })[] }>("GET", "/v1/policy-configs");
  let config = configs.items[0];
  if (!config) {
    const made = await admin.ok<{ config: TId & { name: string } }>(
      "POST",
      "/v1/templates/team-pii-protection/configs",
      { name: "e2e-pii" },
    );
    config = made.config;
  }
  const detail = await admin.ok<{ current: { number: number; source: string } }>(
    "GET",
    `/v1/policy-configs/${config.id}`,
  );
  if (detail.current.number < 2) {
    await admin.ok("POST", `/v1/policy-configs/${config.id}/versions`, {
      yaml: `${detail.current.source.trimEnd()}\n# Reviewed by the IT director for the e2e run.\n`,
      message: "Note the review in the file",
    });
  }
  const teams = await admin.ok<{ items: (TId & { name: string })[] }>("GET", "/v1/teams");
  const team = teams.items[0];
  const gateways = await admin.ok<{ items: (TId & { name: string })[] }>("GET", "/v1/gateways");
  let gateway = gateways.items.find((g) => g.name === "e2e-support-prod");
  if (!gateway) {
    gateway = await admin.ok<TId & { name: string }>("POST", "/v1/gateways", {
      name: "e2e-support-prod",
      teamId: team?.id ?? null,
      environment: "production",
      policyConfigId: config.id,
    });
    await admin.ok("POST", "/v1/gateway-keys", {
      name: "e2e-support-bot",
      teamId: team?.id,
      gatewayId: gateway.id,
    });
  }
  // Earlier runs decide escalations: keep a P1 (overdue), a P2 and a P3 open.
  const open = await admin.ok<{ items: unknown[] }>("GET", "/v1/escalations?status=open");
  if (open.items.length < 3) {
    const { credential } = await admin.ok<{ credential: string }>(
      "POST",
      `/v1/gateways/${gateway.id}/credential`,
      {},
    );
    await sendEscalatedEvents(credential);
  }
  const hooks = await admin.ok<{ items: unknown[] }>("GET", "/v1/webhooks");
  if (hooks.items.length === 0)
    await admin.ok("POST", "/v1/webhooks", { url: "http://127.0.0.1:9/kt-alerts" });
}

function decision(policy: string, type: string, reason: string) {
  return {
    policy,
    type,
    stage: "request",
    action: "escalate",
    triggered: true,
    reason,
    latencyUs: 120,
    details: {},
  };
}

/** What a gateway sends for requests its policies held for review. */
async function sendEscalatedEvents(credential: string): Promise<void> {
  const now = Date.now();
  const event = (minutesAgo: number, d: ReturnType<typeof decision>, user: string) => ({
    id: randomUUID(),
    ts: new Date(now - minutesAgo * 60_000).toISOString(),
    endUser: user,
    provider: "openai",
    model: "gpt-4o-mini",
    promptTokens: 412,
    completionTokens: 96,
    costUsd: 0.00012,
    latencyMs: 840,
    policyLatencyMs: 0.4,
    status: "success",
    httpStatus: 200,
    action: "escalated",
    decisions: [d],
    promptRedacted: "Summarise the ticket from [NAME] about the refund to [EMAIL].",
  });
  const events = [
    event(
      95,
      decision("team-security", "prompt-injection", "Looks like an attempt to override the system prompt"),
      "jane@acme.example",
    ),
    event(
      20,
      decision("team-pii", "pii-detector", "3 personal data entities in the prompt"),
      "omar@acme.example",
    ),
    event(
      5,
      decision("team-quality", "quality-scorer", "Answer scored 0.52, under the 0.7 bar"),
      "li@acme.example",
    ),
  ];
  const res = await fetch(`${apiUrl()}/v1/ingest/events`, {
    method: "POST",
    headers: { authorization: `Bearer ${credential}`, "content-type": "application/json" },
    body: JSON.stringify({ events }),
  });
  if (!res.ok) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
}
