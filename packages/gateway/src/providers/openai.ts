import type { TProviderTarget } from "@kt/contract";
import type { TChatChunk, TChatCompletion, TChatRequest } from "../http/openai-types";
import { createAgent, modelMatcher, postJson, readJsonOrText, readSecret, toUnavailable } from "./http-call";
import { readSse } from "./sse";
import type { TProviderAdapter, TUpstreamReply } from "./types";
import type { Dispatcher } from "undici";

type TEndpoint = { url: (model: string) => string; headers: () => Record<string, string> };

/** OpenAI and Azure OpenAI speak the same body format; only the URL and the auth header differ. */
export function createOpenAiCompatibleAdapter(
  target: TProviderTarget,
  endpoint: TEndpoint,
): TProviderAdapter {
  const agent = createAgent();
  const serves = modelMatcher(target.models);
  return {
    targetId: target.id,
    provider: target.provider,
    serves,
    async chat(request, signal, sentAs) {
      // Streams always ask for usage in the stream; anything else unchanged goes out as the client's own bytes.
      const body: TChatRequest | Buffer = request.stream
        ? { ...request, stream_options: { ...request.stream_options, include_usage: true } }
        : (sentAs ?? request);
      const res = await postJson({
        targetId: target.id,
        agent,
        url: endpoint.url(request.model),
        headers: endpoint.headers(),
        body,
        timeoutMs: target.timeoutMs,
        signal,
      });
      if (res.statusCode >= 400)
        return { kind: "error", status: res.statusCode, body: await readJsonOrText(res) };
      if (!request.stream) {
        const raw = Buffer.from(await res.body.arrayBuffer());
        return { kind: "completion", completion: JSON.parse(raw.toString("utf8")) as TChatCompletion, raw };
      }
      return { kind: "stream", chunks: openAiChunks(target.id, res) };
    },
    close: () => agent.close(),
  };
}

async function* openAiChunks(targetId: string, res: Dispatcher.ResponseData): AsyncGenerator<TChatChunk> {
  try {
    for await (const ev of readSse(res.body)) {
      if (ev.data === "[DONE]") return;
      yield JSON.parse(ev.data) as TChatChunk;
    }
  } catch (err) {
    throw toUnavailable(targetId, err);
  }
}

export function createOpenAiAdapter(target: TProviderTarget): TProviderAdapter {
  const base = (target.baseUrl ?? "https://api.openai.com/v1").replace(/\/+$/, "");
  return createOpenAiCompatibleAdapter(target, {
    url: () => `${base}/chat/completions`,
    headers: (): Record<string, string> => {
      const secret = readSecret(target.secretEnv);
      return secret ? { authorization: `Bearer ${secret}` } : {};
    },
  });
}

/** Azure OpenAI: `{base}/openai/deployments/{deployment}/chat/completions?api-version=…`, `api-key` header. */
export function createAzureOpenAiAdapter(target: TProviderTarget): TProviderAdapter {
  if (!target.baseUrl) throw new Error(`provider target ${target.id}: azure-openai needs base_url`);
  const base = target.baseUrl.replace(/\/+$/, "");
  const apiVersion = target.apiVersion ?? "2024-10-21";
  return createOpenAiCompatibleAdapter(target, {
    url: (model) =>
      `${base}/openai/deployments/${encodeURIComponent(target.deployments[model] ?? model)}/chat/completions?api-version=${encodeURIComponent(apiVersion)}`,
    headers: (): Record<string, string> => {
      const secret = readSecret(target.secretEnv);
      return secret ? { "api-key": secret } : {};
    },
  });
}

export type { TUpstreamReply };
