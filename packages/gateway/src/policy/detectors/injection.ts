import type { TFinding } from "../types";

type TRule = { id: string; category: string; weight: number; re: RegExp };

const RULES: TRule[] = [
  { id: "ignore-instructions", category: "instruction_override", weight: 0.9, re: /\b(ignore|disregard|forget|override|bypass|skip)\b[^.\n]{0,40}\b(previous|prior|above|earlier|preceding|all|any|your|the|these|those|system|initial|original)\b[^.\n]{0,30}\b(instructions?|prompts?|rules|directions|guidelines|context|messages?|constraints|polic(y|ies))\b/i },
  { id: "new-instructions", category: "instruction_override", weight: 0.6, re: /\b(new|updated|real|actual|following) (instructions?|rules|system prompt)\s*(are|is|:)/i },
  { id: "from-now-on", category: "instruction_override", weight: 0.5, re: /\bfrom now on\b[^.\n]{0,40}\b(you (will|must|are)|ignore|respond|act)\b/i },
  { id: "no-restrictions", category: "jailbreak", weight: 0.8, re: /\b(without|no|free of|free from|ignore( all)?|remove( all)?)\b[^.\n]{0,20}\b(restrictions|filters?|limitations|guardrails|censorship|safety (rules|guidelines)|content polic(y|ies)|ethical guidelines)\b/i },
  { id: "dan", category: "jailbreak", weight: 0.9, re: /\b(DAN|do anything now|developer mode|jailbreak(ed)?|god mode|unfiltered mode|evil (assistant|ai)|STAN|AIM)\b/ },
  { id: "pretend-unrestricted", category: "jailbreak", weight: 0.7, re: /\b(pretend|act as if|imagine|roleplay|role-play|you are now|act as)\b[^.\n]{0,60}\b(no (rules|limits|restrictions)|unrestricted|uncensored|not bound|can do anything|evil|without (any )?(rules|limits|restrictions|ethics))\b/i },
  { id: "reveal-system-prompt", category: "system_prompt_extraction", weight: 0.85, re: /\b(reveal|print|show|repeat|output|display|tell me|give me|what (is|are|were)|leak|dump|recite|copy)\b[^.\n]{0,40}\b(system|initial|hidden|secret|original|developer|previous)\s+(prompt|instructions?|message|rules)\b/i },
  { id: "repeat-above", category: "system_prompt_extraction", weight: 0.6, re: /\brepeat (the )?(text|words|everything) (above|before)\b|\bbegin(ning)? with "you are"/i },
  { id: "fake-system-tag", category: "instruction_override", weight: 0.7, re: /(<\|?(system|im_start)\|?>|\[\/?(system|INST)\]|###\s*(system|instruction)s?\s*:)/i },
];

// Lookbehinds: a scan starts only where a run starts, not inside every word.
const BASE64_RUN = /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{24,}={0,2}/g;
const HEX_RUN = /(?<!\w)(?:[0-9a-f]{2}){16,}\b/gi;

function decodedPayloads(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(BASE64_RUN)) {
    const decoded = Buffer.from(m[0], "base64").toString("utf8");
    if (/^[\x20-\x7e\s]+$/.test(decoded)) out.push(decoded);
  }
  // Hex-encoded text always has digits (every printable ASCII byte starts with 2-7).
  if (!/\d/.test(text)) return out;
  for (const m of text.matchAll(HEX_RUN)) {
    const decoded = Buffer.from(m[0], "hex").toString("utf8");
    if (/^[\x20-\x7e\s]+$/.test(decoded)) out.push(decoded);
  }
  return out;
}

export type TInjectionResult = { score: number; findings: TFinding[]; categories: string[]; rules: string[] };

/**
 * Heuristic prompt-injection scoring: rule weights combine as independent evidence (1 - Π(1 - w)); instructions
 * hidden in base64 or hex are decoded and scored too.
 */
export function scoreInjection(text: string): TInjectionResult {
  const findings: TFinding[] = [];
  const rules: string[] = [];
  const categories = new Set<string>();
  let miss = 1;
  const scan = (t: string, encoded: boolean) => {
    for (const rule of RULES) {
      const m = rule.re.exec(t);
      if (!m) continue;
      miss *= 1 - rule.weight;
      rules.push(encoded ? `encoded:${rule.id}` : rule.id);
      categories.add(encoded ? "encoded_payload" : rule.category);
      if (!encoded) findings.push({ type: "prompt_injection", start: m.index, end: m.index + m[0].length, rule: rule.id });
    }
  };
  scan(text, false);
  if (text.length >= 24) for (const payload of decodedPayloads(text)) scan(payload, true);
  return { score: 1 - miss, findings, categories: [...categories], rules };
}
