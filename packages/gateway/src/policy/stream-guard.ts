import type { PolicyChain, TChainResult } from "./chain";
import type { Redactor } from "./redactor";
import type { TCheck, TCompiledPolicy, TFinding, TPolicyContext } from "./types";

/** Characters held back from the client so an entity split across chunks is still caught before it is sent. */
export const STREAM_HOLDBACK_CHARS = 64;
/** Already-sent text kept as left context for detection. */
const LOOKBEHIND_CHARS = 64;

type TAccumulator = { check: TCheck; latencyUs: number };

/**
 * Response policies on a stream. Text is released once it is more than STREAM_HOLDBACK_CHARS behind the newest
 * token, after every response policy has seen it (with the text before it as context). A block stops the
 * release at once; redactions are applied to the text before release. One decision per policy is recorded at
 * the end, covering the whole stream.
 */
export class StreamGuard {
  private pending = "";
  private sentTail = "";
  private readonly acc = new Map<TCompiledPolicy, TAccumulator>();
  full = "";
  blocked = false;

  constructor(
    private readonly chain: PolicyChain,
    private readonly ctx: TPolicyContext,
    private readonly redactor: Redactor,
    private readonly result: TChainResult,
    private readonly policies: TCompiledPolicy[] = chain.responsePolicies,
  ) {}

  /** Text safe to send now ("" to wait), or null once a policy blocked the stream. */
  push(delta: string): string | null {
    if (this.blocked) return null;
    this.full += delta;
    this.pending += delta;
    if (this.policies.length === 0) {
      const out = this.pending;
      this.pending = "";
      return out;
    }
    if (this.pending.length < STREAM_HOLDBACK_CHARS * 2) return "";
    return this.release(false);
  }

  /** At the end of the stream: releases the rest and records the decisions. */
  finish(): string | null {
    const out = this.blocked ? null : this.release(true);
    for (const p of this.policies) {
      const a = this.acc.get(p) ?? { check: { triggered: false, findings: [], details: {} }, latencyUs: 0 };
      if (this.chain.record(this.result, p, "response", a.check, a.latencyUs)) break;
    }
    return out;
  }

  private release(final: boolean): string | null {
    const text = this.sentTail + this.pending;
    const offset = this.sentTail.length;
    let cut = final ? this.pending.length : this.cutPoint();
    const redactions: TFinding[] = [];
    for (const p of this.policies) {
      const t0 = process.hrtime.bigint();
      const check = p.check(text, this.ctx);
      const latencyUs = Number((process.hrtime.bigint() - t0) / 1000n);
      const fresh = check.findings
        .filter((f) => f.end > offset)
        .map((f) => ({ ...f, start: Math.max(0, f.start - offset), end: f.end - offset }));
      this.accumulate(p, check, fresh, latencyUs, cut);
      if (!check.triggered) continue;
      if (p.action === "block") {
        this.blocked = true;
        return null;
      }
      if (p.action === "redact") redactions.push(...fresh);
    }
    // Never cut through a finding: hold the whole entity back until the next release.
    for (const f of redactions) if (f.start < cut && f.end > cut) cut = f.start;
    const releasable = this.pending.slice(0, cut);
    const kept = redactions.filter((f) => f.end <= cut);
    const out = this.redactor.apply(releasable, dedupe(kept));
    this.sentTail = (this.sentTail + releasable).slice(-LOOKBEHIND_CHARS);
    this.pending = this.pending.slice(cut);
    return out;
  }

  private cutPoint(): number {
    const limit = this.pending.length - STREAM_HOLDBACK_CHARS;
    const space = this.pending.lastIndexOf(" ", limit);
    return space > 0 ? space + 1 : limit;
  }

  private accumulate(p: TCompiledPolicy, check: TCheck, fresh: TFinding[], latencyUs: number, cut: number): void {
    const prev = this.acc.get(p);
    const released = fresh.filter((f) => f.start < cut);
    if (!prev) {
      this.acc.set(p, { check: { ...check, findings: released }, latencyUs });
      return;
    }
    prev.latencyUs += latencyUs;
    if (!check.triggered) return;
    const findings = [...prev.check.findings, ...released];
    prev.check = { triggered: true, reason: prev.check.reason ?? check.reason, findings, details: { ...check.details, ...(findings.length ? { findings: findings.length } : {}) } };
  }
}

function dedupe(findings: TFinding[]): TFinding[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: TFinding[] = [];
  for (const f of sorted) if (!out.length || f.start >= out[out.length - 1].end) out.push(f);
  return out;
}
