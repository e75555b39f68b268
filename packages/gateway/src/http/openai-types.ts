/** The slices of OpenAI's chat wire format the gateway reads or writes. Unknown fields pass through untouched. */

export type TContentPart = { type: string; text?: string; [k: string]: unknown };

export type TChatMessage = {
  role: string;
  content?: string | TContentPart[] | null;
  name?: string;
  tool_calls?: unknown[];
  tool_call_id?: string;
  [k: string]: unknown;
};

export type TChatRequest = {
  model: string;
  messages: TChatMessage[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean; [k: string]: unknown };
  user?: string;
  max_tokens?: number;
  max_completion_tokens?: number;
  temperature?: number;
  top_p?: number;
  stop?: string | string[];
  tools?: unknown[];
  [k: string]: unknown;
};

export type TUsage = {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details?: { cached_tokens?: number };
};

export type TChatCompletion = {
  id: string;
  object: "chat.completion";
  created: number;
  model: string;
  choices: {
    index: number;
    message: { role: "assistant"; content: string | null; tool_calls?: unknown[]; [k: string]: unknown };
    finish_reason: string | null;
    logprobs?: unknown;
  }[];
  usage?: TUsage;
  [k: string]: unknown;
};

export type TChatChunk = {
  id: string;
  object: "chat.completion.chunk";
  created: number;
  model: string;
  choices: {
    index: number;
    delta: { role?: string; content?: string | null; tool_calls?: unknown[]; [k: string]: unknown };
    finish_reason: string | null;
  }[];
  usage?: TUsage | null;
  [k: string]: unknown;
};
