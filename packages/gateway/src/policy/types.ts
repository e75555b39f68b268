import type { TPolicy, TPolicyAction, TPolicyType } from "@kt/contract";

/** A span a detector found, in UTF-16 offsets of the text it was given. */
export type TFinding = { type: string; start: number; end: number; rule?: string };

export type TStage = "request" | "response";

/** What one policy concluded about one text. Details never hold the matched text itself. */
export type TCheck = {
  triggered: boolean;
  reason?: string;
  findings: TFinding[];
  details: Record<string, unknown>;
};

export const NOT_TRIGGERED: TCheck = Object.freeze({ triggered: false, findings: [], details: {} }) as TCheck;

/** Context a policy may need beyond the text: who calls and what for. */
export type TPolicyContext = {
  model: string;
  teamId: string | null;
  stage: TStage;
};

/** A policy compiled from config: runs on texts, in chain order. */
export type TCompiledPolicy = {
  name: string;
  type: TPolicyType;
  action: TPolicyAction;
  stages: ReadonlySet<TStage>;
  /** Placeholder label prefix used when redacting this policy's findings that carry no type of their own. */
  check(text: string, ctx: TPolicyContext): TCheck;
  source: TPolicy;
};
