import type { TChatChunk, TChatCompletion, TChatMessage, TChatRequest, TContentPart } from "../http/openai-types";

/** Anthropic requires max_tokens; OpenAI does not. */
const DEFAULT_MAX_TOKENS = 4096;

type TAnthropicBlock = { type: string; [k: string]: unknown };
type TAnthropicMessage = { role: "user" | "assistant"; content: TAnthropicBlock[] };

function partsToBlocks(content: TChatMessage["content"]): TAnthropicBlock[] {
  if (content == null) return [];
  if (typeof content === "string") return content ? [{ type: "text", text: content }] : [];
  return content.flatMap((part: TContentPart): TAnthropicBlock[] => {
    if (part.type === "text") return [{ type: "text", text: part.text ?? "" }];
    const url = (part.image_url as { url?: string } | undefined)?.url;
    const dataUrl = url ? /^data:([^;]+);base64,(.*)$/s.exec(url) : null;
    if (part.type === "image_url" && dataUrl) {
      return [{ type: "image", source: { type: "base64", media_type: dataUrl[1], data: dataUrl[2] } }];
    }
    if (part.type === "image_url" && url) return [{ type: "image", source: { type: "url", url } }];
    return [];
  });
}

function textOf(content: TChatMessage["content"]): string {
  if (content == null) return "";
  if (typeof content === "string") return content;
  return content.map((p) => (p.type === "text" ? (p.text ?? "") : "")).join("");
}

type TOpenAiToolCall = { id: string; function: { name: string; arguments: string } };

/** OpenAI chat request → Anthropic Messages request. System messages become `system`; tools are mapped. */
export function toAnthropicRequest(req: TChatRequest): Record<string, unknown> {
  const system = req.messages.filter((m) => m.role === "system" || m.role === "developer").map((m) => textOf(m.content));
  const messages: TAnthropicMessage[] = [];
  const push = (role: "user" | "assistant", blocks: TAnthropicBlock[]) => {
    const last = messages[messages.length - 1];
    // Anthropic wants alternating roles; consecutive same-role messages are merged.
    if (last && last.role === role) last.content.push(...blocks);
    else messages.push({ role, content: blocks });
  };
  for (const m of req.messages) {
    if (m.role === "system" || m.role === "developer") continue;
    if (m.role === "tool") {
      push("user", [{ type: "tool_result", tool_use_id: m.tool_call_id, content: textOf(m.content) }]);
      continue;
    }
    const blocks = partsToBlocks(m.content);
    if (m.role === "assistant") {
      for (const call of (m.tool_calls ?? []) as TOpenAiToolCall[]) {
        blocks.push({ type: "tool_use", id: call.id, name: call.function.name, input: safeJson(call.function.arguments) });
      }
      push("assistant", blocks);
      continue;
    }
    push("user", blocks);
  }
  const body: Record<string, unknown> = {
    model: req.model,
    messages,
    max_tokens: req.max_completion_tokens ?? req.max_tokens ?? DEFAULT_MAX_TOKENS,
  };
  if (system.length) body.system = system.join("\n\n");
  if (req.temperature != null) body.temperature = Math.min(req.temperature, 1);
  if (req.top_p != null) body.top_p = req.top_p;
  if (req.stop != null) body.stop_sequences = Array.isArray(req.stop) ? req.stop : [req.stop];
  if (req.user) body.metadata = { user_id: req.user };
  if (req.tools?.length) {
    body.tools = (req.tools as { function: { name: string; description?: string; parameters?: unknown } }[]).map((t) => ({
      name: t.function.name,
      description: t.function.description,
      input_schema: t.function.parameters ?? { type: "object", properties: {} },
    }));
  }
  if (req.stream) body.stream = true;
  return body;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

export function mapStopReason(reason: string | null | undefined): string | null {
  switch (reason) {
    case "end_turn":
    case "stop_sequence":
      return "stop";
    case "max_tokens":
      return "length";
    case "tool_use":
      return "tool_calls";
    case null:
    case undefined:
      return null;
    default:
      return "stop";
  }
}

type TAnthropicUsage = { input_tokens?: number; output_tokens?: number; cache_read_input_tokens?: number; cache_creation_input_tokens?: number };
type TAnthropicResponse = { id: string; model: string; content: TAnthropicBlock[]; stop_reason: string | null; usage: TAnthropicUsage };

function promptTokensOf(u: TAnthropicUsage): number {
  return (u.input_tokens ?? 0) + (u.cache_read_input_tokens ?? 0) + (u.cache_creation_input_tokens ?? 0);
}

export function fromAnthropicResponse(res: TAnthropicResponse): TChatCompletion {
  const text = res.content.filter((b) => b.type === "text").map((b) => String(b.text ?? "")).join("");
  const toolCalls = res.content
    .filter((b) => b.type === "tool_use")
    .map((b) => ({ id: b.id, type: "function", function: { name: b.name, arguments: JSON.stringify(b.input ?? {}) } }));
  const prompt = promptTokensOf(res.usage);
  const completion = res.usage.output_tokens ?? 0;
  return {
    id: res.id,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model: res.model,
    choices: [
      {
        index: 0,
        message: { role: "assistant", content: text || (toolCalls.length ? null : ""), ...(toolCalls.length ? { tool_calls: toolCalls } : {}) },
        finish_reason: mapStopReason(res.stop_reason),
        logprobs: null,
      },
    ],
    usage: {
      prompt_tokens: prompt,
      completion_tokens: completion,
      total_tokens: prompt + completion,
      prompt_tokens_details: { cached_tokens: res.usage.cache_read_input_tokens ?? 0 },
    },
  };
}

/** Translates Anthropic stream events to OpenAI chunks; usage arrives as a final chunk with no choices. */
export class AnthropicStreamTranslator {
  private id = "";
  private model = "";
  private created = Math.floor(Date.now() / 1000);
  private usage: TAnthropicUsage = {};
  private toolIndex = -1;

  handle(type: string, data: Record<string, unknown>): TChatChunk[] {
    switch (type) {
      case "message_start": {
        const msg = data.message as { id: string; model: string; usage?: TAnthropicUsage };
        this.id = msg.id;
        this.model = msg.model;
        this.usage = { ...msg.usage };
        return [this.chunk({ role: "assistant", content: "" }, null)];
      }
      case "content_block_start": {
        const block = data.content_block as TAnthropicBlock;
        if (block.type !== "tool_use") return [];
        this.toolIndex += 1;
        const call = { index: this.toolIndex, id: block.id, type: "function", function: { name: block.name, arguments: "" } };
        return [this.chunk({ tool_calls: [call] }, null)];
      }
      case "content_block_delta": {
        const delta = data.delta as { type: string; text?: string; partial_json?: string };
        if (delta.type === "text_delta") return [this.chunk({ content: delta.text ?? "" }, null)];
        if (delta.type === "input_json_delta") {
          return [this.chunk({ tool_calls: [{ index: this.toolIndex, function: { arguments: delta.partial_json ?? "" } }] }, null)];
        }
        return [];
      }
      case "message_delta": {
        const delta = data.delta as { stop_reason?: string };
        const usage = data.usage as TAnthropicUsage | undefined;
        if (usage) this.usage = { ...this.usage, ...usage };
        return [this.chunk({}, mapStopReason(delta.stop_reason ?? "end_turn"))];
      }
      case "message_stop": {
        const prompt = promptTokensOf(this.usage);
        const completion = this.usage.output_tokens ?? 0;
        const usageChunk = this.chunk({}, null);
        usageChunk.choices = [];
        usageChunk.usage = {
          prompt_tokens: prompt,
          completion_tokens: completion,
          total_tokens: prompt + completion,
          prompt_tokens_details: { cached_tokens: this.usage.cache_read_input_tokens ?? 0 },
        };
        return [usageChunk];
      }
      default:
        return [];
    }
  }

  private chunk(delta: TChatChunk["choices"][number]["delta"], finish: string | null): TChatChunk {
    return {
      id: this.id,
      object: "chat.completion.chunk",
      created: this.created,
      model: this.model,
      choices: [{ index: 0, delta, finish_reason: finish }],
    };
  }
}
