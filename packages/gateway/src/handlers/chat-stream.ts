import type { IncomingMessage, ServerResponse } from "node:http";
import { openAiErrorBody } from "../http/errors";
import type { TChatChunk, TChatRequest, TUsage } from "../http/openai-types";
import { countPromptTokens, countTextTokens } from "../events/tokens";
import type { TChainResult } from "../policy/chain";
import type { Redactor } from "../policy/redactor";
import { StreamGuard } from "../policy/stream-guard";
import type { GatewayRuntime } from "../runtime";
import type { RequestRecord } from "./event-builder";
import { blockError, lastUserText, settle } from "./chat";

type TStreamArgs = {
  req: IncomingMessage;
  res: ServerResponse;
  runtime: GatewayRuntime;
  record: RequestRecord;
  request: TChatRequest;
  reply: { kind: "stream"; chunks: AsyncIterable<TChatChunk> };
  redactor: Redactor;
  wantsUsage: boolean;
};

/**
 * Relays a provider stream as OpenAI SSE, with response policies applied as text arrives (see StreamGuard).
 * The event is written after the last chunk and before `data: [DONE]`, so a client that saw the end of the
 * stream has its event on disk.
 */
export async function streamReply(a: TStreamArgs): Promise<void> {
  const { res, runtime, record, request, redactor } = a;
  const snap = record.snap;
  record.charged = true;
  const result: TChainResult = { decisions: [], block: null, redactions: 0, escalated: false };
  const ctx = { model: request.model, teamId: record.teamId, stage: "response" as const };
  const guard = new StreamGuard(snap.chain, ctx, redactor, result);
  let usage: TUsage | null = null;
  let template: TChatChunk | null = null;
  let finishReason: string | null = null;
  let policyUs = 0;

  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive", "x-kt-event-id": record.id });
  const send = (chunk: TChatChunk) => res.write(`data: ${JSON.stringify(chunk)}\n\n`);
  const sendText = (text: string) => {
    if (text && template) send({ ...template, choices: [{ index: 0, delta: { content: text }, finish_reason: null }], usage: undefined });
  };
  const timed = <T>(fn: () => T): T => {
    const t0 = performance.now();
    const out = fn();
    policyUs += (performance.now() - t0) * 1000;
    return out;
  };

  let failure: string | null = null;
  try {
    for await (const chunk of a.reply.chunks) {
      if (res.destroyed) {
        failure = "client disconnected before the end of the stream";
        break;
      }
      if (chunk.usage) usage = chunk.usage;
      if (!chunk.choices?.length) continue;
      template ??= { ...chunk, choices: [], usage: undefined };
      const choice = chunk.choices[0];
      const delta = choice.delta ?? {};
      if (typeof delta.content === "string" && delta.content) {
        const out = timed(() => guard.push(delta.content as string));
        if (out === null) break;
        const { content: _content, ...rest } = delta;
        if (Object.values(rest).some((v) => v !== undefined)) send({ ...chunk, choices: [{ ...choice, delta: { ...rest, content: "" } }] });
        sendText(out);
        continue;
      }
      if (choice.finish_reason) {
        finishReason = choice.finish_reason;
        const tail = timed(() => guard.finish());
        if (tail === null) break;
        sendText(tail);
      }
      send(chunk);
    }
  } catch (err) {
    failure = `stream from provider failed: ${(err as Error).message}`;
  }
  if (!finishReason && !guard.blocked) {
    const tail = timed(() => guard.finish());
    if (tail && !failure) sendText(tail);
  }
  if (!guard.blocked) timed(() => snap.chain.runQuality(lastUserText(request), guard.full, finishReason, result));
  else if (!result.decisions.some((d) => d.triggered && d.action === "block")) timed(() => guard.finish());

  record.policyUs += policyUs;
  record.addChain(result);
  if (usage) {
    record.promptTokens = usage.prompt_tokens;
    record.completionTokens = usage.completion_tokens;
    record.cachedTokens = usage.prompt_tokens_details?.cached_tokens ?? 0;
  } else {
    record.promptTokens = countPromptTokens(request.messages);
    record.completionTokens = countTextTokens(guard.full);
    record.tokensEstimated = true;
  }
  if (failure) record.error = failure;

  if (result.block) {
    await settle(runtime, record, 200);
    const e = blockError(record, result.block);
    res.end(`data: ${openAiErrorBody(e)}\n\n`);
    return;
  }
  if (failure) {
    await settle(runtime, record, 200);
    if (!res.destroyed) res.end(`data: ${JSON.stringify({ error: { message: failure, type: "upstream_error", code: "stream_failed" } })}\n\n`);
    return;
  }
  if (a.wantsUsage && usage && template) send({ ...template, choices: [], usage });
  await settle(runtime, record, 200);
  res.end("data: [DONE]\n\n");
}
