import type { TFinding } from "./types";

/**
 * Replaces findings with typed placeholders, numbered per request: the same value gets the same placeholder
 * ([EMAIL_1] twice for one address), so the model can still tell entities apart.
 */
export class Redactor {
  private readonly labels = new Map<string, string>();
  private readonly counters = new Map<string, number>();
  count = 0;

  placeholder(type: string, value: string): string {
    const key = `${type}\u0000${value}`;
    const existing = this.labels.get(key);
    if (existing) return existing;
    const prefix = type.toUpperCase();
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    const label = `[${prefix}_${n}]`;
    this.labels.set(key, label);
    return label;
  }

  /** Findings must not overlap (the detectors guarantee it); overlapping ones are skipped. */
  apply(text: string, findings: TFinding[]): string {
    if (!findings.length) return text;
    const sorted = [...findings].sort((a, b) => a.start - b.start);
    let out = "";
    let at = 0;
    for (const f of sorted) {
      if (f.start < at) continue;
      out += text.slice(at, f.start) + this.placeholder(f.type, text.slice(f.start, f.end));
      at = f.end;
      this.count++;
    }
    return out + text.slice(at);
  }
}
