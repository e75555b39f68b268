import type { TProviderKind } from "@kt/contract";
import type { TChatChunk, TChatCompletion, TChatRequest } from "../http/openai-types";

/** What a provider adapter answers, already translated to OpenAI's wire format. */
export type TUpstreamReply =
  | { kind: "completion"; completion: TChatCompletion }
  | { kind: "stream"; chunks: AsyncIterable<TChatChunk> }
  | { kind: "error"; status: number; body: unknown };

export type TProviderAdapter = {
  readonly targetId: string;
  readonly provider: TProviderKind;
  serves(model: string): boolean;
  /** Rejects on connection errors and timeouts; answers `error` for HTTP errors from the provider. */
  chat(request: TChatRequest, signal: AbortSignal): Promise<TUpstreamReply>;
  close(): Promise<void>;
};

/** Errors worth trying the next target for: the provider could not be reached or failed on its side. */
export class UpstreamUnavailable extends Error {
  constructor(
    readonly targetId: string,
    readonly reason: "connect" | "timeout" | "server_error",
    message: string,
  ) {
    super(message);
  }
}
