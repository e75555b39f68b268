import type { TProviderTarget } from "@kt/contract";
import type { TChatRequest } from "../http/openai-types";
import { createAnthropicAdapter } from "./anthropic";
import { createDemoAdapter } from "./demo";
import { createAzureOpenAiAdapter, createOpenAiAdapter } from "./openai";
import { UpstreamUnavailable, type ClientGone, type TProviderAdapter, type TUpstreamReply } from "./types";

export function createAdapter(target: TProviderTarget): TProviderAdapter {
  switch (target.provider) {
    case "openai":
      return createOpenAiAdapter(target);
    case "anthropic":
      return createAnthropicAdapter(target);
    case "azure-openai":
      return createAzureOpenAiAdapter(target);
    case "demo":
      return createDemoAdapter(target);
    default: {
      const never: never = target.provider;
      throw new Error(`unknown provider ${String(never)}`);
    }
  }
}

export type TRouted = {
  reply: TUpstreamReply;
  adapter: TProviderAdapter;
  failovers: { targetId: string; reason: string }[];
};

export type TUpstreamErrorHook = (targetId: string, reason: string) => void;

/** Routes a model to the targets that serve it, in config order, failing over on unavailability. */
export class ProviderRouter {
  constructor(
    readonly adapters: TProviderAdapter[],
    private readonly onUpstreamError: TUpstreamErrorHook = () => {},
  ) {}

  static fromTargets(targets: TProviderTarget[], hook?: TUpstreamErrorHook): ProviderRouter {
    return new ProviderRouter(targets.map(createAdapter), hook);
  }

  candidates(model: string): TProviderAdapter[] {
    return this.adapters.filter((a) => a.serves(model));
  }

  /** Throws the last UpstreamUnavailable when every candidate failed, or when none serves the model. */
  async route(request: TChatRequest, signal: ClientGone, sentAs?: Buffer): Promise<TRouted> {
    const failovers: TRouted["failovers"] = [];
    let lastError: UpstreamUnavailable | null = null;
    for (const adapter of this.candidates(request.model)) {
      try {
        const reply = await adapter.chat(request, signal, sentAs);
        return { reply, adapter, failovers };
      } catch (err) {
        if (!(err instanceof UpstreamUnavailable)) throw err;
        this.onUpstreamError(adapter.targetId, err.reason);
        failovers.push({ targetId: adapter.targetId, reason: err.reason });
        lastError = err;
        if (signal.aborted) break;
      }
    }
    if (lastError) throw lastError;
    throw new UpstreamUnavailable("none", "connect", `no provider target serves model ${request.model}`);
  }

  async close(): Promise<void> {
    await Promise.all(this.adapters.map((a) => a.close()));
  }
}
