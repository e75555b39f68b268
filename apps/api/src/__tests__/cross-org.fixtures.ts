import { BUILTIN_TEMPLATES } from "@kt/contract";
import { v7 as uuidv7 } from "uuid";
import type { Client, TestOrg } from "../test/harness";

/** Org A's ids for the routes under one collection (`/v1/<collection>/...`), by path-param name. */
export type FixtureBuilder = (owner: TestOrg) => Promise<Record<string, string>>;

const POLICY_YAML = `policies:
  - name: team-budget
    type: cost_limit
    monthly_limit: 1000
    action: block
`;

async function created<T = any>(res: Promise<{ status: number; body: T }>, what: string): Promise<T> {
  const r = await res;
  if (r.status !== 201)
    throw new Error(`fixture ${what}: expected 201, got ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

const team = (as: Client, name: string) => created(as.post("/v1/teams", { name }), "team");
const gateway = (as: Client, name: string, teamId: string) =>
  created(as.post("/v1/gateways", { name, teamId }), "gateway");

/**
 * Org A's traffic: one gateway registered through the API and one event it reports, escalated at P1 by a
 * quality check, which raises an escalation and a notification. Built once per org, shared by the
 * events, escalations and notifications fixtures.
 */
const traffic = new Map<string, Promise<{ eventId: string; escalationId: string; notificationId: string }>>();
function escalatedTraffic(o: TestOrg) {
  if (!traffic.has(o.orgId)) traffic.set(o.orgId, buildEscalatedTraffic(o));
  return traffic.get(o.orgId)!;
}

async function buildEscalatedTraffic(o: TestOrg) {
  const t = await team(o.as.admin, "Traffic team");
  const g = await gateway(o.as.admin, "traffic-gateway", t.id);
  const ts = new Date().toISOString();
  const eventId = uuidv7({ msecs: Date.parse(ts) });
  const decision = {
    policy: "quality-gate",
    type: "quality-scorer",
    stage: "response",
    action: "escalate",
    triggered: true,
    reason: "score 0.2 below 0.7",
    latencyUs: 12,
    details: { priority: "P1" },
  };
  const event = {
    id: eventId,
    ts,
    teamId: t.id,
    model: "gpt-4o-mini",
    provider: "openai",
    costUsd: 0.001,
    latencyMs: 300,
    policyLatencyMs: 0.2,
    status: "success",
    httpStatus: 200,
    action: "escalated",
    decisions: [decision],
  };
  const ingest = await o.as.admin.as(g.credential).post("/v1/ingest/events", { events: [event] });
  if (ingest.status !== 200)
    throw new Error(`fixture ingest: ${ingest.status} ${JSON.stringify(ingest.body)}`);
  const escalations = await o.as.admin.get("/v1/escalations");
  const escalation = escalations.body.items.find((e: any) => e.eventId === eventId);
  if (!escalation) throw new Error(`fixture escalation: none raised for ${eventId}`);
  // The notification is written after the batch commits.
  for (let i = 0; i < 50; i++) {
    const feed = await o.as.admin.get("/v1/notifications");
    const n = feed.body.items.find((x: any) => x.data?.eventId === eventId);
    if (n) return { eventId, escalationId: escalation.id, notificationId: n.id };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`fixture notification: none for ${eventId}`);
}

/**
 * One builder per collection that has routes with path params. A new collection with `:id` routes
 * needs an entry here (or its routes in CROSS_ORG_SKIPPED with a reason), or the sweep fails.
 */
export const CROSS_ORG_FIXTURES: Record<string, FixtureBuilder> = {
  "api-tokens": async (o) => ({
    id: (await created(o.as.admin.post("/v1/api-tokens", { name: "owner token" }), "api token")).id,
  }),
  budgets: async (o) => {
    const t = await team(o.as.admin, "Budget team");
    const set = await o.as.admin.put(`/v1/budgets/${t.id}`, { monthlyLimitUsd: 100 });
    if (set.status !== 200)
      throw new Error(`fixture budget: expected 200, got ${set.status} ${JSON.stringify(set.body)}`);
    return { teamId: t.id };
  },
  events: async (o) => ({ id: (await escalatedTraffic(o)).eventId }),
  escalations: async (o) => ({ id: (await escalatedTraffic(o)).escalationId }),
  notifications: async (o) => ({ id: (await escalatedTraffic(o)).notificationId }),
  exports: async (o) => ({
    id: (
      await created(o.as.admin.post("/v1/exports", { type: "events", format: "csv", since: "1d" }), "export")
    ).id,
  }),
  "gateway-keys": async (o) => {
    const t = await team(o.as.admin, "Key team");
    const g = await gateway(o.as.admin, "key-gateway", t.id);
    return {
      id: (
        await created(
          o.as.admin.post("/v1/gateway-keys", { name: "owner key", teamId: t.id, gatewayId: g.id }),
          "gateway key",
        )
      ).id,
    };
  },
  gateways: async (o) => {
    const t = await team(o.as.admin, "Gateway team");
    return { id: (await gateway(o.as.admin, "owner-gateway", t.id)).id };
  },
  invites: async (o) => ({
    id: (
      await created(
        o.as.admin.post("/v1/invites", {
          email: `invitee-${o.orgId}@example.test`,
          name: "Invitee",
          role: "viewer",
        }),
        "invite",
      )
    ).invite.id,
  }),
  members: async (o) => ({ id: o.users.viewer.id }),
  "policy-configs": async (o) => ({
    id: (
      await created(
        o.as.admin.post("/v1/policy-configs", { name: "owner-config", yaml: POLICY_YAML }),
        "policy config",
      )
    ).config.id,
    number: "1",
  }),
  teams: async (o) => {
    const t = await team(o.as.admin, "Owner team");
    await created(
      o.as.admin.post(`/v1/teams/${t.id}/members`, { userId: o.users.manager.id }),
      "team member",
    );
    return { id: t.id, userId: o.users.manager.id };
  },
  webhooks: async (o) => ({
    id: (await created(o.as.admin.post("/v1/webhooks", { url: "https://hooks.example.test/kt" }), "webhook"))
      .id,
  }),
  templates: async (o) => {
    const yaml = BUILTIN_TEMPLATES[0].yaml;
    return {
      id: (
        await created(
          o.as.admin.post("/v1/templates", { name: "Owner template", description: "Org A's own", yaml }),
          "template",
        )
      ).id,
    };
  },
};

/** Bodies for routes whose sampled body would be refused before the id is looked up. Key: `METHOD /v1/...`. */
export const CROSS_ORG_BODIES: Record<string, unknown> = {
  "POST /v1/policy-configs/:id/versions": { yaml: POLICY_YAML, message: "intruder edit" },
  "POST /v1/policy-configs/:id/rollback": { toVersion: 1 },
  "PATCH /v1/templates/:id": { name: "Intruder" },
  "POST /v1/templates/:id/render": { overrides: {} },
  "POST /v1/templates/:id/configs": { name: "intruder-config" },
};

/** Routes with path params the sweep leaves out, each with why. Key: `METHOD /v1/...`. */
export const CROSS_ORG_SKIPPED: Record<string, string> = {};
