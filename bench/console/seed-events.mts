// Ingests synthetic gateway events into a running demo stack, one gateway per team, through POST /v1/ingest/events
// (the same path real gateways use), so the Console's data views and the bench have traffic to render.
// usage: node --import tsx console/seed-events.mts <demo.json> <count> [days]
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { ZGatewayWithCredential, type TGatewayEvent, type TPolicyDecision } from "@kt/contract";

type TDemo = { api: string; apiToken: string; teams: { id: string; name: string }[] };

const [demoPath, countArg, daysArg] = process.argv.slice(2);
if (!demoPath) throw new Error("usage: seed-events.mts <demo.json> <count> [days]");
const demo = JSON.parse(readFileSync(demoPath, "utf8")) as TDemo;
const count = Number(countArg ?? 5000);
const days = Number(daysArg ?? 30);

const MODELS = [
  { provider: "openai", model: "gpt-4o" },
  { provider: "openai", model: "gpt-4o-mini" },
  { provider: "anthropic", model: "claude-3-5-sonnet-20241022" },
  { provider: "openai", model: "ft:gpt-4o-mini:acme:support" }, // no list price: "price unknown"
];
const USERS = ["ana@acme.test", "bo@acme.test", "chen@acme.test", "dara@acme.test", "eli@acme.test", "fay@acme.test"];

async function api(path: string, init: RequestInit = {}) {
  const res = await fetch(`${demo.api}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${demo.apiToken}`, "content-type": "application/json", ...init.headers },
  });
  if (!res.ok) throw new Error(`${init.method ?? "GET"} ${path} → ${res.status} ${await res.text()}`);
  return res.json();
}

function decision(policy: string, type: TPolicyDecision["type"], action: TPolicyDecision["action"], reason: string): TPolicyDecision {
  return { policy, type, stage: "request", action, triggered: true, reason, latencyUs: 40 + Math.random() * 300, details: {} };
}

const rand = Math.random;
const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

function makeEvent(gatewayId: string, teamId: string, now: number): TGatewayEvent {
  const m = pick(MODELS);
  const r = rand();
  const action = r < 0.78 ? "allowed" : r < 0.9 ? "redacted" : r < 0.97 ? "blocked" : "escalated";
  const decisions: TPolicyDecision[] = [
    { policy: "pii", type: "pii-detector", stage: "request", action: "redact", triggered: false, latencyUs: 120, details: {} },
  ];
  if (action === "redacted") decisions[0] = decision("pii", "pii-detector", "redact", "email address and phone number redacted");
  if (action === "blocked") decisions.push(decision("prompt-injection", "prompt-injection", "block", "instruction override attempt"));
  if (action === "escalated") decisions.push(decision("dlp", "dlp-filter", "escalate", "source code with an API key"));
  const prompt = 200 + Math.floor(rand() * 2000);
  const blocked = action === "blocked";
  return {
    id: randomUUID(),
    ts: new Date(now - rand() * days * 86_400_000).toISOString(),
    orgId: null,
    gatewayId,
    teamId,
    keyId: null,
    endUser: pick(USERS),
    provider: m.provider,
    model: m.model,
    stream: rand() < 0.3,
    promptTokens: prompt,
    completionTokens: blocked ? 0 : Math.floor(rand() * 800),
    cachedTokens: 0,
    tokensEstimated: false,
    costUsd: null,
    latencyMs: blocked ? 2 : 300 + rand() * 2500,
    policyLatencyMs: 0.3 + rand(),
    status: blocked ? "blocked" : "success",
    httpStatus: blocked ? 403 : 200,
    action,
    decisions,
    blockedBy: blocked ? { policy: "prompt-injection", reason: "instruction override attempt" } : null,
    promptRedacted: action === "redacted" ? "Call me at [PHONE] or write to [EMAIL]" : null,
    promptHash: null,
    error: null,
    configVersion: 1,
  };
}

const gateways: { id: string; teamId: string; credential: string }[] = [];
for (const team of demo.teams) {
  const created = ZGatewayWithCredential.parse(
    await api("/v1/gateways", { method: "POST", body: JSON.stringify({ name: `seed-${team.name}-${Date.now() % 100000}`.toLowerCase().replace(/[^a-z0-9-]/g, "-"), teamId: team.id }) }),
  );
  gateways.push({ id: created.id, teamId: team.id, credential: created.credential });
}

const started = performance.now();
const now = Date.now();
let sent = 0;
let batches = 0;
// Spread events over every team's gateway even for small counts.
const batchSize = Math.min(1000, Math.ceil(count / gateways.length)) // the API takes bodies up to 1 MB;
while (sent < count) {
  const gw = gateways[batches++ % gateways.length]!;
  const n = Math.min(batchSize, count - sent);
  const events = Array.from({ length: n }, () => makeEvent(gw.id, gw.teamId, now));
  const res = await fetch(`${demo.api}/v1/ingest/events`, {
    method: "POST",
    headers: { authorization: `Bearer ${gw.credential}`, "content-type": "application/json" },
    body: JSON.stringify({ events }),
  });
  if (!res.ok) throw new Error(`ingest → ${res.status} ${await res.text()}`);
  sent += n;
}
console.log(JSON.stringify({ ingested: sent, gateways: gateways.length, seconds: (performance.now() - started) / 1000 }));
