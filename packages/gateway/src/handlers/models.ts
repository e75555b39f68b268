import type { IncomingMessage, ServerResponse } from "node:http";
import { GatewayError, sendError } from "../http/errors";
import type { GatewayRuntime } from "../runtime";

/** GET /v1/models: the models this key may use (allowlist ∩ key restriction, else what the targets declare). */
export function handleModels(req: IncomingMessage, res: ServerResponse, runtime: GatewayRuntime): void {
  const snap = runtime.current;
  if (!snap) return sendError(res, new GatewayError(503, "server_error", "not_ready", "The gateway has no config yet"));
  const auth = snap.keys.check(req.headers.authorization);
  if (!auth.ok) return sendError(res, new GatewayError(401, "invalid_request_error", "invalid_api_key", "Missing, unknown, revoked or expired gateway key"));
  const owners = new Map<string, string>();
  for (const t of snap.config.providers) for (const m of t.models) if (!m.endsWith("*")) owners.set(m, t.provider);
  if (snap.config.providers.some((t) => t.provider === "demo" && t.models.length === 0)) owners.set("demo", "demo");
  let models: string[] = [...owners.keys()];
  let restricted = false;
  for (const p of snap.config.policies) {
    if (!p.enabled || p.type !== "model-allowlist" || p.action !== "block") continue;
    const allowed = p.models.filter((m) => !m.endsWith("*"));
    models = restricted ? models.filter((m) => allowed.includes(m)) : allowed;
    restricted = true;
  }
  if (auth.key.models.length) models = models.filter((m) => auth.key.models.includes(m));
  const body = JSON.stringify({
    object: "list",
    data: [...new Set(models)].sort().map((id) => ({ id, object: "model", created: 0, owned_by: owners.get(id) ?? snap.router.candidates(id)[0]?.provider ?? "kt" })),
  });
  res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
}
