import type { TFinding } from "../../types";
import { nameLexicon, NOT_PEOPLE } from "./name-lexicon";

const NOT_PERSON = new Set(NOT_PEOPLE);
// Words right before a span that say a person's name follows, even one no lexicon knows.
const STRONG_CUE = /(\b(mr|mrs|ms|miss|dr|prof|mx)\.?|\bname is|\bname\??:?|\bi'm|\bi am|\bnamed|\bcalled|\bgender of)\s*$/i;

const TOKEN = /[\p{L}][\p{L}\p{M}'’]*(?:-[\p{L}][\p{L}\p{M}'’]*)*\.?/gu;
const TITLE = /^(mr|mrs|ms|miss|dr|prof|sir|madam|mx|rev|capt|sgt|lt|col)\.?$/i;
const NAME_CUE = /\b(name is|named|called|i am|i'm|this is|by|from|to|with|and|mr\.?|mrs\.?|ms\.?|dr\.?|dear|hi|hello|thanks|contact|ask|tell|met|meet|cc|signed|regards|sincerely|customer|patient|client|employee|user|applicant|name:)\s*$/i;

type TToken = { text: string; start: number; end: number; bare: string };

function isCapitalised(word: string): boolean {
  const c = word[0];
  if (c === c.toLowerCase() || c !== c.toUpperCase()) return false;
  // An all-capitals word longer than an initial is an acronym or a shout (IBAN, NOTE), not a name.
  return !(word.length > 2 && word === word.toUpperCase() && /\p{L}{2}/u.test(word));
}

function isInitial(t: TToken): boolean {
  return /^\p{Lu}\.?$/u.test(t.text);
}

/**
 * Person names: runs of capitalised words (initials allowed inside) in which a word is a known first name or
 * surname. A lone known word counts when it is not at a sentence start or a cue word ("Mr.", "name is", "by") precedes it.
 */
export function findNames(text: string): TFinding[] {
  const { first, last } = nameLexicon();
  const tokens: TToken[] = [];
  for (const m of text.matchAll(TOKEN)) {
    tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length, bare: m[0].replace(/['’]s$/, "").replace(/[.'’]+$/, "").toLowerCase() });
  }
  const out: TFinding[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (!isCapitalised(t.text) || TITLE.test(t.text)) {
      i++;
      continue;
    }
    let j = i;
    // Extend the run over capitalised words and initials separated by a single space.
    while (j + 1 < tokens.length && isCapitalised(tokens[j + 1].text) && /^\s$/.test(text.slice(tokens[j].end, tokens[j + 1].start)) && !TITLE.test(tokens[j + 1].text)) j++;
    let run = tokens.slice(i, j + 1);
    const { common } = nameLexicon();
    while (run.length && common.has(run[0].bare)) run = run.slice(1);
    while (run.length && common.has(run[run.length - 1].bare)) run = run.slice(0, -1);
    const after = tokens[j + 1];
    if (!run.length || run.some((r) => NOT_PERSON.has(r.bare)) || (after && NOT_PERSON.has(after.bare))) {
      i = j + 1;
      continue;
    }
    // A run like "Producer James Sparks" starts at its first known first name.
    const firstAt = run.findIndex((r) => first.has(r.bare));
    if (firstAt > 0 && run.length - firstAt >= 2) run = run.slice(firstAt);
    const known = run.map((r) => first.has(r.bare) || last.has(r.bare) || r.bare.split("-").every((p) => last.has(p) || first.has(p)));
    const knownCount = known.filter(Boolean).length;
    const words = run.filter((r) => !isInitial(r));
    i = j + 1;
    const cuePrefix = text.slice(Math.max(0, run[0].start - 24), run[0].start);
    const strongCue = STRONG_CUE.test(cuePrefix);
    if (knownCount === 0 && !(strongCue && words.length >= 1 && words.length <= 3)) continue;
    let accept = false;
    if (words.length >= 2 && words.length <= 4) {
      // Two or more capitalised words, one of them a known name: "Szabina J Gelencsér", "Joakim Westgård".
      accept = strongCue || (knownCount >= 1 && (first.has(words[0].bare) || last.has(words[words.length - 1].bare) || knownCount >= 2));
    } else if (words.length === 1) {
      const prefix = text.slice(Math.max(0, run[0].start - 24), run[0].start);
      const sentenceStart = /(^|[.!?:\n]\s*|^\s*["'(])$/.test(prefix) || run[0].start === 0;
      const isFirstName = first.has(run[0].bare);
      accept = strongCue || (known[0] && (isFirstName || !sentenceStart || NAME_CUE.test(prefix)));
    } else if (words.length > 4) {
      continue;
    }
    if (!accept) continue;
    const end = run[run.length - 1];
    const possessive = /['’]s$/.test(end.text) ? 2 : 0;
    const trimmedEnd = end.text.endsWith(".") && !isInitial(end) ? end.end - 1 : end.end - possessive;
    out.push({ type: "name", start: run[0].start, end: trimmedEnd });
  }
  return out;
}
