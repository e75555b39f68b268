import type { TFinding } from "../types";
import { CueAnchors } from "./anchors";
import { charTable, forEachLongRun, inTable } from "./char-runs";

/** `anchors`: words or phrases, one of which every match of `re` contains at a word start (see CueAnchors). */
type TRule = { id: string; anchors: string[]; category: string; weight: number; re: RegExp };

const RULES: TRule[] = [
  {
    id: "ignore-instructions",
    anchors: ["ignore", "disregard", "forget", "override", "bypass", "skip"],
    category: "instruction_override",
    weight: 0.9,
    re: /\b(ignore|disregard|forget|override|bypass|skip)\b[^.\n]{0,40}\b(previous|prior|above|earlier|preceding|all|any|your|the|these|those|system|initial|original)\b[^.\n]{0,30}\b(instructions?|prompts?|rules|directions|guidelines|context|messages?|constraints|polic(y|ies))\b/i,
  },
  {
    id: "new-instructions",
    anchors: ["instruction", "rules", "system prompt"],
    category: "instruction_override",
    weight: 0.6,
    re: /\b(new|updated|real|actual|following) (instructions?|rules|system prompt)\s*(are|is|:)/i,
  },
  {
    id: "from-now-on",
    anchors: ["from now on"],
    category: "instruction_override",
    weight: 0.5,
    re: /\bfrom now on\b[^.\n]{0,40}\b(you (will|must|are)|ignore|respond|act)\b/i,
  },
  {
    id: "no-restrictions",
    anchors: [
      "restrictions",
      "filter",
      "limitations",
      "guardrails",
      "censorship",
      "safety rules",
      "safety guidelines",
      "content polic",
      "ethical guidelines",
    ],
    category: "jailbreak",
    weight: 0.8,
    re: /\b(without|no|free of|free from|ignore( all)?|remove( all)?)\b[^.\n]{0,20}\b(restrictions|filters?|limitations|guardrails|censorship|safety (rules|guidelines)|content polic(y|ies)|ethical guidelines)\b/i,
  },
  {
    id: "dan",
    anchors: [
      "dan",
      "do anything now",
      "developer mode",
      "jailbreak",
      "god mode",
      "unfiltered mode",
      "evil assistant",
      "evil ai",
      "stan",
      "aim",
    ],
    category: "jailbreak",
    weight: 0.9,
    re: /\b(DAN|do anything now|developer mode|jailbreak(ed)?|god mode|unfiltered mode|evil (assistant|ai)|STAN|AIM)\b/,
  },
  {
    id: "pretend-unrestricted",
    anchors: ["pretend", "act as", "imagine", "roleplay", "role-play", "you are now"],
    category: "jailbreak",
    weight: 0.7,
    re: /\b(pretend|act as if|imagine|roleplay|role-play|you are now|act as)\b[^.\n]{0,60}\b(no (rules|limits|restrictions)|unrestricted|uncensored|not bound|can do anything|evil|without (any )?(rules|limits|restrictions|ethics))\b/i,
  },
  {
    id: "reveal-system-prompt",
    anchors: ["prompt", "instruction", "message", "rules"],
    category: "system_prompt_extraction",
    weight: 0.85,
    re: /\b(reveal|print|show|repeat|output|display|tell me|give me|what (is|are|were)|leak|dump|recite|copy)\b[^.\n]{0,40}\b(system|initial|hidden|secret|original|developer|previous)\s+(prompt|instructions?|message|rules)\b/i,
  },
  {
    id: "repeat-above",
    anchors: ["repeat", "begin"],
    category: "system_prompt_extraction",
    weight: 0.6,
    re: /\brepeat (the )?(text|words|everything) (above|before)\b|\bbegin(ning)? with "you are"/i,
  },
  {
    id: "fake-system-tag",
    anchors: ["system", "im_start", "inst"],
    category: "instruction_override",
    weight: 0.7,
    re: /(<\|?(system|im_start)\|?>|\[\/?(system|INST)\]|###\s*(system|instruction)s?\s*:)/i,
  },
];

const ANCHORS = new CueAnchors(RULES.map((rule) => rule.anchors));

const BASE64_CHAR = charTable("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");
const WORD_CHAR = charTable("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");
const HEX_CHAR = charTable("0123456789abcdefABCDEF");
const EQUALS = 61;

const printable = (decoded: string) => /^[\x20-\x7e\s]+$/.test(decoded);

/**
 * Text hidden in base64 (runs of 24+ base64 characters, up to two "=" after) or hex (whole words of 32+ hex digits,
 * an even number), decoded where it decodes to printable text. Each a pass that reads about one character in 24.
 */
function decodedPayloads(text: string): string[] {
  const out: string[] = [];
  forEachLongRun(text, BASE64_CHAR, 24, (start, end) => {
    let padded = end;
    while (padded < text.length && padded - end < 2 && text.charCodeAt(padded) === EQUALS) padded++;
    const decoded = Buffer.from(text.slice(start, padded), "base64").toString("utf8");
    if (printable(decoded)) out.push(decoded);
  });
  // Hex-encoded text always has digits (every printable ASCII byte starts with 2-7); looked for only once a
  // hex-length word turns up.
  let hasDigit: boolean | undefined;
  forEachLongRun(text, WORD_CHAR, 32, (start, end) => {
    if ((end - start) % 2 !== 0 || !(hasDigit ??= /\d/.test(text))) return;
    for (let i = start; i < end; i++) if (!inTable(HEX_CHAR, text.charCodeAt(i))) return;
    const decoded = Buffer.from(text.slice(start, end), "hex").toString("utf8");
    if (printable(decoded)) out.push(decoded);
  });
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
    const present = ANCHORS.present(t);
    if (!present) return;
    for (let i = 0; i < RULES.length; i++) {
      if (!present[i]) continue;
      const rule = RULES[i];
      const m = rule.re.exec(t);
      if (!m) continue;
      miss *= 1 - rule.weight;
      rules.push(encoded ? `encoded:${rule.id}` : rule.id);
      categories.add(encoded ? "encoded_payload" : rule.category);
      if (!encoded)
        findings.push({
          type: "prompt_injection",
          start: m.index,
          end: m.index + m[0].length,
          rule: rule.id,
        });
    }
  };
  scan(text, false);
  if (text.length >= 24) for (const payload of decodedPayloads(text)) scan(payload, true);
  return { score: 1 - miss, findings, categories: [...categories], rules };
}
