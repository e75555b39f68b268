import type { TFinding } from "../../types";
import { nameLexicon, NOT_PEOPLE } from "./name-lexicon";
import { AFTER_CUE, isSentenceStart, isSpeakerTag, NAME_CUE, SPEAKER_AFTER, STRONG_CUE, SPEECH_BEFORE, SURNAME_SHAPE, TITLE_BEFORE, VOCATIVE_AFTER } from "./name-cues";

const NOT_PERSON = new Set(NOT_PEOPLE);
const TOKEN = /[\p{L}][\p{L}\p{M}'’]*(?:-[\p{L}][\p{L}\p{M}'’]*)*\.?/gu;
const TITLE = /^(mr|mrs|ms|miss|dr|prof|sir|madam|mx|rev|capt|sgt|lt|col)\.?$/i;
// Lower-case particles inside a name: "Willemine ten Pas", "Ludwig van Beethoven".
const PARTICLE = new Set(["van", "von", "der", "den", "ten", "ter", "de", "da", "del", "della", "di", "du", "le", "la", "bin", "ibn", "al"]);

type TToken = { text: string; index: number; start: number; end: number; bare: string; cap: boolean; initial: boolean; kind?: TKind };
type TKind = "known" | "unknown" | "english" | "stop";
type TSingle = { at: number; accepted: boolean; finding: TFinding };

function known(b: string): boolean {
  const lex = nameLexicon();
  if (lex.first.has(b) || lex.last.has(b) || lex.other.has(b)) return true;
  return b.includes("-") && b.split("-").every((p) => lex.first.has(p) || lex.last.has(p));
}

function kindOf(b: string): TKind {
  const lex = nameLexicon();
  if (lex.common.has(b) || NOT_PERSON.has(b)) return "stop";
  // A surname that is also an English word ("Board", "Tower") counts as English; first names ("Grace" aside) do not.
  if (known(b)) return lex.english.has(b) && !lex.first.has(b) ? "english" : "known";
  return lex.english.has(b) ? "english" : "unknown";
}

function isCapitalised(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code >= 97 && code <= 122) return false;
  if (code >= 65 && code <= 90) {
    if (word.length <= 2) return true;
    const second = word.charCodeAt(1);
    if (second >= 97 && second <= 122) return true;
  }
  const c = word[0];
  if (c === c.toLowerCase() || c !== c.toUpperCase()) return false;
  // An all-capitals word longer than an initial is an acronym or a shout (IBAN, NOTE), not a name.
  return !(word.length > 2 && word === word.toUpperCase() && /\p{L}{2}/u.test(word));
}

function bareOf(word: string): string {
  const last = word.charCodeAt(word.length - 1);
  // Fast path: no trailing dot, apostrophe or possessive.
  if (last !== 46 && last !== 39 && last !== 8217 && !(last === 115 || last === 83)) return word.toLowerCase();
  let end = word.length;
  while (end > 0 && (word[end - 1] === "." || word[end - 1] === "'" || word[end - 1] === "’")) end--;
  if (end > 2 && (word[end - 1] === "s" || word[end - 1] === "S") && (word[end - 2] === "'" || word[end - 2] === "’")) end -= 2;
  return word.slice(0, end).toLowerCase();
}

function tokenize(text: string): TToken[] {
  const tokens: TToken[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const t = m[0];
    const cap = isCapitalised(t);
    tokens.push({ text: t, index: tokens.length, start: m.index, end: m.index + t.length, bare: bareOf(t), cap, initial: cap && (t.length === 1 || (t.length === 2 && t[1] === ".")) });
  }
  return tokens;
}

/**
 * Person names, from three kinds of evidence: lexicons (faker's names of every locale, cspell's people names),
 * the shape of the text (capitalised words that are not English words, middle initials, lower-case first name +
 * surname pairs), and the words around a span ("Mr.", "name is", "by", "said", a speaker tag "Ana:", a list
 * of names). A capitalised word nobody's lexicon knows counts only with such support, so product and company
 * names in ordinary prose stay untouched.
 */
export function findNames(text: string): TFinding[] {
  const lex = nameLexicon();
  const tokens = tokenize(text);
  // In text typed without capitals, casing says nothing: a first name no English word shadows is taken alone.
  const allLower = !tokens.some((t) => t.cap);
  // Where sentences start with capitals, the writer capitalises names too: lower-case words are not looked at.
  const mostlyLower = allLower || !/[.!?]\s+\p{Lu}|^\p{Lu}/u.test(text);
  const out: TFinding[] = [];
  const singles: TSingle[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (!t.cap) {
      i = mostlyLower ? lowerCaseName(text, tokens, i, out, allLower) : i + 1;
      continue;
    }
    if (TITLE.test(t.text)) {
      i++;
      continue;
    }
    let j = i;
    // Extend the run over capitalised words, initials and particles separated by a single space.
    while (j + 1 < tokens.length && !/['’]s$/.test(tokens[j].text) && text.slice(tokens[j].end, tokens[j + 1].start) === " ") {
      const next = tokens[j + 1];
      if (next.cap && !TITLE.test(next.text)) j++;
      else if (PARTICLE.has(next.text) && tokens[j + 2]?.cap && text.slice(next.end, tokens[j + 2].start) === " ") j += 2;
      else break;
    }
    const after = tokens[j + 1] && text.slice(tokens[j].end, tokens[j + 1].start) === " " ? tokens[j + 1] : undefined;
    let run = tokens.slice(i, j + 1);
    i = j + 1;
    if (run.some((r) => NOT_PERSON.has(r.bare)) || (after && NOT_PERSON.has(after.bare))) continue;
    // "Mrs. Baker", "Mr. Brown": right after a title even an English word is a surname.
    if (run.length === 1 && TITLE_BEFORE.test(text.slice(Math.max(0, run[0].start - 8), run[0].start))) {
      out.push(spanOf(run));
      continue;
    }
    for (const r of run) r.kind = r.initial ? "known" : kindOf(r.bare);
    while (run.length && run[0].kind === "stop") run = run.slice(1);
    while (run.length && run[run.length - 1].kind === "stop") run = run.slice(0, -1);
    // "Producer James Sparks": leading English words before a name are not part of it.
    while (run.length > 1 && run[0].kind === "english" && run[1].kind !== "english") run = run.slice(1);
    if (!run.length || run[0].initial && run.length === 1) continue;
    const words = run.filter((r) => !r.initial && !PARTICLE.has(r.text));
    if (!words.length || words.length > 4) continue;
    const prefix = text.slice(Math.max(0, run[0].start - 24), run[0].start);
    const end = run[run.length - 1];
    const rest = text.slice(end.end - (end.text.endsWith(".") ? 1 : 0), end.end + 24);
    const strongCue = STRONG_CUE.test(prefix);
    const cueAfter = AFTER_CUE.test(rest);
    const ks = words.map((w) => w.kind!);
    const nKnown = ks.filter((k) => k === "known").length;
    const nUnknown = ks.filter((k) => k === "unknown").length;
    let accept: boolean;
    if (words.length >= 2) {
      const middleInitial = run.slice(1, -1).some((r) => r.initial);
      if (ks.includes("stop")) accept = false;
      else if (ks.includes("english")) {
        accept = strongCue || (cueAfter && nKnown + nUnknown >= 1) || (nKnown >= 1 && (lex.first.has(words[0].bare) || known(words[words.length - 1].bare) || nKnown >= 2));
      } else accept = nKnown >= 1 || nUnknown >= 2 || middleInitial || strongCue || cueAfter;
    } else {
      const w = words[0];
      const sentenceStart = isSentenceStart(prefix, run[0].start);
      const speaker = (isSpeakerTag(prefix, run[0].start) && SPEAKER_AFTER.test(rest)) || (sentenceStart && VOCATIVE_AFTER.test(rest)) || SPEECH_BEFORE.test(prefix);
      if (ks[0] === "known") accept = strongCue || cueAfter || speaker || lex.first.has(w.bare) || !sentenceStart || NAME_CUE.test(prefix);
      else if (ks[0] === "unknown") accept = strongCue || cueAfter || speaker || (SURNAME_SHAPE.test(w.bare) && (!sentenceStart || NAME_CUE.test(prefix)));
      // An English word that is also a name ("Key", "Maslin") needs a cue that only names get.
      else accept = ks[0] === "english" && known(w.bare) && (strongCue || cueAfter || SPEECH_BEFORE.test(prefix));
      if (ks[0] === "known" || ks[0] === "unknown" || (ks[0] === "english" && known(w.bare))) {
        singles.push({ at: w.index, accepted: accept, finding: spanOf(run) });
        if (!accept) continue;
      }
    }
    if (!accept) continue;
    out.push(spanOf(run));
  }
  for (const f of listMembers(text, tokens, singles)) out.push(f);
  for (const f of repeatedParts(text, tokens, out)) out.push(f);
  return out.sort((a, b) => a.start - b.start);
}

function spanOf(run: TToken[]): TFinding {
  const end = run[run.length - 1];
  const possessive = /['’]s$/.test(end.text) ? 2 : 0;
  const trimmedEnd = end.text.endsWith(".") && !end.initial ? end.end - 1 : end.end - possessive;
  return { type: "name", start: run[0].start, end: trimmedEnd };
}

/** "Joakim Westgård and starring Westgård": a capitalised word that is part of a name found in the same text. */
function repeatedParts(text: string, tokens: TToken[], found: TFinding[]): TFinding[] {
  if (!found.length) return [];
  const parts = new Set<string>();
  for (const t of tokens) if (t.cap && !t.initial && found.some((f) => t.start >= f.start && t.end <= f.end + 2)) parts.add(t.bare);
  const out: TFinding[] = [];
  for (const t of tokens) {
    if (!t.cap || t.bare.length < 3 || !parts.has(t.bare) || t.kind === "stop" || t.kind === "english") continue;
    if (found.some((f) => t.start < f.end && f.start < t.end) || out.some((f) => t.start < f.end && f.start < t.end)) continue;
    out.push(spanOf([t]));
  }
  return out;
}

const LIST_SEP = /^(,\s*(and\s+|or\s+|&\s+)?|\s+(and|or|&)\s+)$/;

/**
 * "Kónya, Becker and Vasquez": a capitalised word listed with an accepted name is a name too; so is a list of
 * two or more words that are names or in no dictionary, one of them a known name ("Usamov and Bowers").
 */
function listMembers(text: string, tokens: TToken[], singles: TSingle[]): TFinding[] {
  const out: TFinding[] = [];
  const linked = (a: TSingle, b: TSingle) => LIST_SEP.test(text.slice(a.finding.end, b.finding.start)) || LIST_SEP.test(text.slice(tokens[a.at].end, tokens[b.at].start));
  for (let k = 0; k < singles.length; ) {
    let e = k;
    while (e + 1 < singles.length && linked(singles[e], singles[e + 1])) e++;
    const group = singles.slice(k, e + 1);
    k = e + 1;
    if (group.length < 2 || group.some((s) => s.accepted)) continue;
    const namey = group.filter((s) => known(tokens[s.at].bare)).length;
    if (namey >= 1 && group.every((s) => tokens[s.at].kind !== "english" || known(tokens[s.at].bare)) && group.filter((s) => tokens[s.at].kind !== "english").length >= 1) {
      for (const s of group) {
        s.accepted = true;
        out.push(s.finding);
      }
    }
  }
  let changed = true;
  while (changed) {
    changed = false;
    for (let k = 0; k < singles.length; k++) {
      const s = singles[k];
      if (s.accepted) continue;
      const nextToAccepted = (singles[k - 1]?.accepted && linked(singles[k - 1], s)) || (singles[k + 1]?.accepted && linked(s, singles[k + 1]));
      if (nextToAccepted) {
        s.accepted = true;
        out.push(s.finding);
        changed = true;
      }
    }
  }
  return out;
}

/**
 * Lower-case names: a known first name that is not an English word followed by a surname ("eva kleist",
 * "eric g. samoylova"), or a lone name right after a strong cue ("her maiden name is nyberg"). Returns the next index.
 */
function lowerCaseName(text: string, tokens: TToken[], i: number, out: TFinding[], allLower: boolean): number {
  const t = tokens[i];
  const { english, first } = nameLexicon();
  // Most lower-case words are English: one lookup settles them.
  if (t.bare.length < 2 || (english.has(t.bare) && !first.has(t.bare))) return i + 1;
  const k = kindOf(t.bare);
  if (k === "english" || k === "stop") return i + 1;
  let j = i + 1;
  if (tokens[j] && /^\p{Ll}\.?$/u.test(tokens[j].text) && text.slice(t.end, tokens[j].start) === " " && tokens[j + 1] && !tokens[j + 1].cap) j++;
  const next = tokens[j];
  if (first.has(t.bare) && next && !next.cap && text.slice(tokens[j - 1].end, next.start) === " ") {
    const nk = kindOf(next.bare);
    if ((nk === "known" || nk === "unknown") && next.bare.length >= 2) {
      out.push(spanOf([t, next]));
      return j + 1;
    }
  }
  const prefix = text.slice(Math.max(0, t.start - 24), t.start);
  const rest = text.slice(t.end, t.end + 24);
  const lone = STRONG_CUE.test(prefix) || (allLower && k === "known" && first.has(t.bare) && !english.has(t.bare)) || (k === "known" && first.has(t.bare) && (AFTER_CUE.test(rest) || (isSpeakerTag(prefix, t.start) && SPEAKER_AFTER.test(rest))));
  if (lone) out.push(spanOf([t]));
  return i + 1;
}
