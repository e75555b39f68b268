import { EventEmitter } from "node:events";
import type { TProviderKind } from "@kt/contract";
import type { TChatChunk, TChatCompletion, TChatRequest } from "../http/openai-types";

/** What a provider adapter answers, already translated to OpenAI's wire format. */
export type TUpstreamReply =
  /** `raw`: the provider's bytes, when they are OpenAI's format already (sent as they are if no policy changed them). */
  | { kind: "completion"; completion: TChatCompletion; raw?: Buffer }
  | { kind: "stream"; chunks: AsyncIterable<TChatChunk> }
  | { kind: "error"; status: number; body: unknown };

export type TProviderAdapter = {
  readonly targetId: string;
  readonly provider: TProviderKind;
  serves(model: string): boolean;
  /**
   * Rejects on connection errors and timeouts; answers `error` for HTTP errors from the provider. `sentAs`: the
   * client's request body, when `request` is exactly what it says (no policy changed it), to send as it is.
   */
  chat(request: TChatRequest, signal: ClientGone, sentAs?: Buffer): Promise<TUpstreamReply>;
  close(): Promise<void>;
};

/**
 * Fires "abort" when the client of a request goes away. An EventEmitter, which undici accepts as a request signal:
 * an AbortController costs an EventTarget per request, a few percent of the gateway's CPU.
 */
export class ClientGone extends EventEmitter {
  aborted = false;

  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    this.emit("abort");
  }
}

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
