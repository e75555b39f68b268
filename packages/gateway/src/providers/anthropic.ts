import type { TProviderTarget } from "@kt/contract";
import type { Dispatcher } from "undici";
import type { TChatChunk } from "../http/openai-types";
import { AnthropicStreamTranslator, fromAnthropicResponse, toAnthropicRequest } from "./anthropic-translate";
import { createAgent, modelMatcher, postJson, readJsonOrText, readSecret, toUnavailable } from "./http-call";
import { readSse } from "./sse";
import type { TProviderAdapter } from "./types";

const ANTHROPIC_VERSION = "2023-06-01";

/** Anthropic's Messages API behind OpenAI's chat wire format, both ways, streaming included. */
export function createAnthropicAdapter(target: TProviderTarget): TProviderAdapter {
  const agent = createAgent();
  const base = (target.baseUrl ?? "https://api.anthropic.com").replace(/\/+$/, "").replace(/\/v1$/, "");
  return {
    targetId: target.id,
    provider: "anthropic",
    serves: modelMatcher(target.models),
    async chat(request, signal) {
      const secret = readSecret(target.secretEnv);
      const res = await postJson({
        targetId: target.id,
        agent,
        url: `${base}/v1/messages`,
        headers: { "anthropic-version": ANTHROPIC_VERSION, ...(secret ? { "x-api-key": secret } : {}) },
        body: toAnthropicRequest(request),
        timeoutMs: target.timeoutMs,
        signal,
      });
      if (res.statusCode >= 400) return { kind: "error", status: res.statusCode, body: toOpenAiError(await readJsonOrText(res)) };
      if (!request.stream) return { kind: "completion", completion: fromAnthropicResponse((await res.body.json()) as never) };
      return { kind: "stream", chunks: anthropicChunks(target.id, res) };
    },
    close: () => agent.close(),
  };
}

async function* anthropicChunks(targetId: string, res: Dispatcher.ResponseData): AsyncGenerator<TChatChunk> {
  const translator = new AnthropicStreamTranslator();
  try {
    for await (const ev of readSse(res.body)) {
      const data = JSON.parse(ev.data) as Record<string, unknown>;
      const type = ev.event ?? String(data.type);
      if (type === "error") throw new Error(`anthropic stream error: ${JSON.stringify(data.error)}`);
      yield* translator.handle(type, data);
    }
  } catch (err) {
    throw toUnavailable(targetId, err);
  }
}

/** Anthropic errors are `{type:"error", error:{type, message}}`; OpenAI clients read `{error:{message, type}}`. */
function toOpenAiError(body: unknown): unknown {
  const err = (body as { error?: { type?: string; message?: string } }).error;
  return { error: { message: err?.message ?? "upstream error", type: err?.type ?? "upstream_error", param: null, code: null } };
}
