import { costFor } from "@kt/contract";
import type { TChatRequest } from "../http/openai-types";
import type { TProviderAdapter } from "../providers/types";
import { countPromptTokens } from "./tokens";

/** Completion tokens a call is assumed to use when the request sets no `max_completion_tokens` / `max_tokens`. */
export const DEFAULT_COMPLETION_ALLOWANCE = 1024;

/**
 * What a call may cost before it is made: its prompt tokens (counted with the tokenizer) plus its completion
 * allowance (`max_completion_tokens`, else `max_tokens`, else DEFAULT_COMPLETION_ALLOWANCE; times `n`), at the
 * dearest list price among the targets that serve the model (a failover may land on any of them). 0 when no
 * target's price is known: such calls are recorded with an unknown cost, not counted in spend.
 */
export function estimateCallUsd(request: TChatRequest, targets: TProviderAdapter[]): number {
  const requested = request.max_completion_tokens ?? request.max_tokens;
  const allowance = typeof requested === "number" && requested > 0 ? requested : DEFAULT_COMPLETION_ALLOWANCE;
  const choices = typeof request.n === "number" && request.n > 1 ? request.n : 1;
  const usage = { promptTokens: countPromptTokens(request.messages), completionTokens: allowance * choices };
  let dearest = 0;
  for (const t of targets) dearest = Math.max(dearest, costFor(t.provider, request.model, usage) ?? 0);
  return dearest;
}
