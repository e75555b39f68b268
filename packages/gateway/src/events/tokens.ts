import { countTokens } from "gpt-tokenizer";
import type { TChatMessage } from "../http/openai-types";

// OpenAI's documented chat overhead: each message costs 3 tokens of framing, the reply is primed with 3 more.
const PER_MESSAGE = 3;
const REPLY_PRIMING = 3;

export function contentText(content: TChatMessage["content"]): string {
  if (content == null) return "";
  if (typeof content === "string") return content;
  let out = "";
  for (const part of content) if (part.type === "text" && part.text) out += part.text;
  return out;
}

/** Prompt tokens of a chat request, counted with o200k_base when the provider reports no usage. */
export function countPromptTokens(messages: TChatMessage[]): number {
  let total = REPLY_PRIMING;
  for (const m of messages) total += PER_MESSAGE + countTokens(m.role) + countTokens(contentText(m.content));
  return total;
}

export function countTextTokens(text: string): number {
  return text ? countTokens(text) : 0;
}
