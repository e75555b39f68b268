import { costFor, type TGatewayEvent, type TPolicyDecision } from "@kt/contract";
import { v7 as uuidv7 } from "uuid";
import { sha256Hex } from "../auth/key-store";
import type { TChatMessage } from "../http/openai-types";
import { contentText } from "../events/tokens";
import type { TChainResult } from "../policy/chain";
import type { GatewayRuntime, TSnapshot } from "../runtime";

/** What a request learns as it goes; turned into its one event at the end. */
export class RequestRecord {
  readonly id = uuidv7();
  readonly startedAt = new Date();
  private readonly t0 = performance.now();
  keyId: string | null = null;
  teamId: string | null = null;
  endUser: string | null = null;
  provider: string | null = null;
  model = "";
  stream = false;
  promptTokens = 0;
  completionTokens = 0;
  cachedTokens = 0;
  tokensEstimated = false;
  policyUs = 0;
  decisions: TPolicyDecision[] = [];
  blockedBy: { policy: string; reason: string } | null = null;
  escalated = false;
  redactions = 0;
  promptRedacted: string | null = null;
  promptHash: string | null = null;
  error: string | null = null;
  charged = false;

  constructor(readonly snap: TSnapshot) {}

  addChain(result: TChainResult): void {
    this.decisions.push(...result.decisions);
    this.redactions += result.redactions;
    if (result.escalated) this.escalated = true;
    if (result.block) this.blockedBy = { policy: result.block.policy, reason: result.block.reason };
  }

  /** Keeps of the prompt what the config allows: its SHA-256 by default, the redacted text if asked, or nothing. */
  notePrompt(raw: TChatMessage[], redacted: TChatMessage[]): void {
    const mode = this.snap.config.events.storePrompts;
    if (mode === "none") return;
    const join = (ms: TChatMessage[]) => ms.map((m) => `${m.role}: ${contentText(m.content)}`).join("\n");
    if (mode === "hash") this.promptHash = sha256Hex(join(raw));
    else this.promptRedacted = join(redacted).slice(0, 32_000);
  }

  toEvent(runtime: GatewayRuntime, httpStatus: number): TGatewayEvent {
    const status = this.blockedBy ? "blocked" : httpStatus >= 400 || this.error ? "error" : "success";
    const costUsd = this.provider && this.charged ? costFor(this.provider, this.model, { promptTokens: this.promptTokens, completionTokens: this.completionTokens, cachedTokens: this.cachedTokens }) : this.charged ? null : 0;
    return {
      id: this.id,
      ts: this.startedAt.toISOString(),
      orgId: runtime.identity.orgId,
      gatewayId: runtime.identity.gatewayId,
      teamId: this.teamId,
      keyId: this.keyId,
      endUser: this.endUser,
      provider: this.provider,
      model: this.model.slice(0, 256),
      stream: this.stream,
      promptTokens: this.promptTokens,
      completionTokens: this.completionTokens,
      cachedTokens: this.cachedTokens,
      tokensEstimated: this.tokensEstimated,
      costUsd,
      latencyMs: round3(performance.now() - this.t0),
      policyLatencyMs: round3(this.policyUs / 1000),
      status,
      httpStatus,
      action: this.blockedBy ? "blocked" : this.escalated ? "escalated" : this.redactions > 0 ? "redacted" : "allowed",
      decisions: this.decisions,
      blockedBy: this.blockedBy,
      promptRedacted: this.promptRedacted,
      promptHash: this.promptHash,
      error: this.error,
      configVersion: this.snap.configVersion,
    };
  }
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;
