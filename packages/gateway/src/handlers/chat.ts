import type { IncomingMessage, ServerResponse } from "node:http";
import { GatewayError, sendError } from "../http/errors";
import { readJsonBody } from "../http/body";
import type { TChatRequest } from "../http/openai-types";
import { countPromptTokens, countTextTokens, contentText } from "../events/tokens";
import type { TChainResult } from "../policy/chain";
import { Redactor } from "../policy/redactor";
import { cloneMessages } from "../policy/text-slots";
import { ClientGone, UpstreamUnavailable, type TUpstreamReply } from "../providers/types";
import type { GatewayRuntime } from "../runtime";
import { parseChatRequest } from "./chat-request";
import { RequestRecord } from "./event-builder";
import { streamReply } from "./chat-stream";
import { budgetCall } from "./budget-call";

const UNAUTHORIZED: Record<string, string> = {
  missing: "Missing gateway key: send Authorization: Bearer kt_gk_…",
  malformed: "Gateway keys look like kt_gk_…: check the Authorization header",
  unknown: "Unknown gateway key: check it is correct and active",
  revoked: "This gateway key has been revoked",
  expired: "This gateway key has expired",
};

/** Finishes a request: writes its event (on disk before the answer goes out), then counts it. */
export async function settle(runtime: GatewayRuntime, record: RequestRecord, httpStatus: number): Promise<void> {
  const event = record.toEvent(runtime, httpStatus);
  runtime.requestsServed++;
  if (record.charged) runtime.budget.record(record.teamId, event.costUsd);
  const m = runtime.metrics;
  m.requests.inc({ status: event.status, action: event.action, stream: String(event.stream) });
  m.latency.observe({ stream: String(event.stream) }, event.latencyMs / 1000);
  m.policyLatency.observe(event.policyLatencyMs / 1000);
  for (const d of event.decisions) if (d.triggered) m.decisions.inc({ policy: d.policy, type: d.type, action: d.action, stage: d.stage });
  await runtime.sink.append(event);
  m.spoolDepth.set(runtime.sink.depth());
}

export function blockError(record: RequestRecord, block: NonNullable<TChainResult["block"]>): GatewayError {
  return new GatewayError(
    block.status,
    "policy_violation",
    block.code,
    `Blocked by policy "${block.policy}": ${block.reason}. Look up event ${record.id} for details.`,
    { policy: block.policy, reason: block.reason, event_id: record.id },
  );
}

export async function handleChat(req: IncomingMessage, res: ServerResponse, runtime: GatewayRuntime): Promise<void> {
  const snap = runtime.current;
  if (!snap) return sendError(res, new GatewayError(503, "server_error", "not_ready", "The gateway has no config yet; try again shortly"));
  const auth = snap.keys.check(req.headers.authorization);
  if (!auth.ok) return sendError(res, new GatewayError(401, "invalid_request_error", "invalid_api_key", UNAUTHORIZED[auth.reason]));

  const record = new RequestRecord(snap);
  record.keyId = auth.key.id;
  record.teamId = auth.key.teamId;
  let request: TChatRequest;
  let sentAs: Buffer;
  try {
    const body = await readJsonBody(req);
    request = parseChatRequest(body.value);
    sentAs = body.raw;
  } catch (err) {
    const e = err instanceof GatewayError ? err : new GatewayError(400, "invalid_request_error", "invalid_request", String(err));
    record.error = e.message;
    await settle(runtime, record, e.status);
    return sendError(res, e, { "x-kt-event-id": record.id });
  }
  record.model = request.model;
  record.stream = request.stream === true;
  const userHeader = req.headers["x-kt-user"];
  record.endUser = (request.user ?? (Array.isArray(userHeader) ? userHeader[0] : userHeader) ?? null)?.slice(0, 256) ?? null;

  if (auth.key.models.length && !auth.key.models.includes(request.model)) {
    const e = new GatewayError(403, "permission_error", "model_not_allowed", `This gateway key may not use model ${request.model}; allowed: ${auth.key.models.join(", ")}`);
    record.error = e.message;
    await settle(runtime, record, 403);
    return sendError(res, e, { "x-kt-event-id": record.id });
  }

  const t0 = performance.now();
  const budget = runtime.budget.governs(record.teamId, snap.chain.hasCostLimit)
    ? await runtime.budget.admit(budgetCall(record, record.teamId, request))
    : null;
  const messages = cloneMessages(request.messages);
  const redactor = new Redactor();
  const ctx = { model: request.model, teamId: record.teamId, stage: "request" as const, budget };
  const requestResult = snap.chain.runRequest(messages, ctx, redactor);
  record.policyUs += (performance.now() - t0) * 1000;
  record.addChain(requestResult);
  record.notePrompt(request.messages, messages);
  if (requestResult.block) {
    const e = blockError(record, requestResult.block);
    await settle(runtime, record, e.status);
    return sendError(res, e, { "x-kt-event-id": record.id });
  }

  const upstreamRequest: TChatRequest = { ...request, messages };
  const abort = new ClientGone();
  res.on("close", () => {
    if (!res.writableFinished) abort.abort();
  });
  let reply: TUpstreamReply;
  try {
    // Nothing redacted: the provider gets the client's own bytes instead of a re-serialisation of them.
    const routed = await snap.router.route(upstreamRequest, abort, requestResult.redactions ? undefined : sentAs);
    reply = routed.reply;
    record.provider = routed.adapter.provider;
  } catch (err) {
    if (abort.aborted) {
      // The client went away before the answer (nginx's 499): not a provider failure.
      record.error = "the client closed the connection before the answer";
      return settle(runtime, record, 499);
    }
    const unavailable = err instanceof UpstreamUnavailable ? err : null;
    const e = unavailable?.targetId === "none"
      ? new GatewayError(404, "invalid_request_error", "model_not_found", `No provider target serves model ${request.model}`)
      : new GatewayError(unavailable?.reason === "timeout" ? 504 : 502, "upstream_error", "upstream_unavailable", `Every provider target for ${request.model} failed: ${(err as Error).message}`);
    record.error = e.message;
    await settle(runtime, record, e.status);
    return sendError(res, e, { "x-kt-event-id": record.id });
  }

  if (reply.kind === "error") {
    record.charged = false;
    record.error = `provider answered ${reply.status}`;
    await settle(runtime, record, reply.status);
    const body = JSON.stringify(reply.body);
    res.writeHead(reply.status, { "content-type": "application/json", "content-length": Buffer.byteLength(body), "x-kt-event-id": record.id });
    return void res.end(body);
  }
  if (reply.kind === "stream") return streamReply({ req, res, runtime, record, request: upstreamRequest, reply, redactor, wantsUsage: request.stream_options?.include_usage === true });
  return completeReply(res, runtime, record, upstreamRequest, reply, redactor);
}

async function completeReply(res: ServerResponse, runtime: GatewayRuntime, record: RequestRecord, request: TChatRequest, reply: Extract<TUpstreamReply, { kind: "completion" }>, redactor: Redactor): Promise<void> {
  const { completion } = reply;
  const snap = record.snap;
  record.charged = true;
  const choice = completion.choices[0];
  const text = typeof choice?.message.content === "string" ? choice.message.content : "";
  if (completion.usage) {
    record.promptTokens = completion.usage.prompt_tokens;
    record.completionTokens = completion.usage.completion_tokens;
    record.cachedTokens = completion.usage.prompt_tokens_details?.cached_tokens ?? 0;
  } else {
    record.promptTokens = countPromptTokens(request.messages);
    record.completionTokens = countTextTokens(text);
    record.tokensEstimated = true;
  }
  const t0 = performance.now();
  const result: TChainResult = { decisions: [], block: null, redactions: 0, escalated: false };
  const ctx = { model: request.model, teamId: record.teamId, stage: "response" as const };
  const out = snap.chain.runResponse(text, ctx, redactor, result);
  if (!result.block) snap.chain.runQuality(lastUserText(request), out, choice?.finish_reason ?? null, result);
  record.policyUs += (performance.now() - t0) * 1000;
  record.addChain(result);
  if (result.block) {
    const e = blockError(record, result.block);
    await settle(runtime, record, e.status);
    return sendError(res, e, { "x-kt-event-id": record.id });
  }
  if (choice && out !== text) choice.message.content = out;
  await settle(runtime, record, 200);
  // Unchanged by the policies: the provider's own bytes, not a re-serialisation of them.
  const body = out === text && reply.raw ? reply.raw : JSON.stringify(completion);
  res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body), "x-kt-event-id": record.id });
  res.end(body);
}

export function lastUserText(request: TChatRequest): string {
  const m = [...request.messages].reverse().find((x) => x.role === "user");
  return m ? contentText(m.content) : "";
}
