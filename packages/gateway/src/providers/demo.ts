import { createHash } from "node:crypto";
import type { TProviderTarget } from "@kt/contract";
import { contentText, countPromptTokens, countTextTokens } from "../events/tokens";
import type { TChatChunk, TChatCompletion, TChatRequest } from "../http/openai-types";
import { modelMatcher } from "./http-call";
import type { TProviderAdapter } from "./types";

/**
 * The built-in demo provider: no network, same answer for the same request, so the quick start and tests see
 * stable output. It restates the last user message so policies on the response have something to look at.
 */
export function createDemoAdapter(target: TProviderTarget): TProviderAdapter {
  return {
    targetId: target.id,
    provider: "demo",
    serves: modelMatcher(target.models),
    async chat(request) {
      const completion = demoCompletion(request);
      if (!request.stream) return { kind: "completion", completion };
      return { kind: "stream", chunks: demoChunks(completion, request) };
    },
    close: async () => {},
  };
}

export function demoReply(request: TChatRequest): string {
  const lastUser = [...request.messages].reverse().find((m) => m.role === "user");
  const text = contentText(lastUser?.content ?? "").trim();
  const words = text.split(/\s+/).filter(Boolean);
  const gist = words.slice(0, 40).join(" ");
  return (
    `Here is a considered answer from the kt demo provider (model ${request.model}). ` +
    `You wrote ${words.length} words; in short: "${gist}${words.length > 40 ? " …" : ""}". ` +
    "In a real deployment this reply would come from the provider your policy config routes the model to, " +
    "after the gateway's policy chain has checked the prompt, and the response is checked again on the way back."
  );
}

function demoCompletion(request: TChatRequest): TChatCompletion {
  const content = demoReply(request);
  const prompt = countPromptTokens(request.messages);
  const completion = countTextTokens(content);
  const id = "chatcmpl-demo-" + createHash("sha256").update(JSON.stringify(request.messages)).digest("hex").slice(0, 24);
  return {
    id,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model: request.model,
    choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop", logprobs: null }],
    usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion },
  };
}

async function* demoChunks(completion: TChatCompletion, request: TChatRequest): AsyncGenerator<TChatChunk> {
  const base = { id: completion.id, object: "chat.completion.chunk" as const, created: completion.created, model: completion.model };
  yield { ...base, choices: [{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }] };
  const pieces = (completion.choices[0].message.content ?? "").match(/\S+\s*/g) ?? [];
  for (const piece of pieces) yield { ...base, choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] };
  yield { ...base, choices: [{ index: 0, delta: {}, finish_reason: "stop" }] };
  if (request.stream) yield { ...base, choices: [], usage: completion.usage };
}
