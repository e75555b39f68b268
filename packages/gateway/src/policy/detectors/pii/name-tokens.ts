import type { TFinding } from "../../types";
import { nameLexicon, NOT_PEOPLE } from "./name-lexicon";

/** Words that end or sit inside organisation and street names. */
export const NOT_PERSON = new Set(NOT_PEOPLE);
const TOKEN = /[\p{L}][\p{L}\p{M}'’]*(?:-[\p{L}][\p{L}\p{M}'’]*)*\.?/gu;
const CONTRACTION = /['’](m|d|ll|re|ve|t)$/i;

export type TToken = {
  text: string;
  index: number;
  start: number;
  end: number;
  bare: string;
  cap: boolean;
  upper: boolean;
  initial: boolean;
  kind?: TKind;
};
export type TKind = "known" | "unknown" | "english" | "stop" | "particle";
/** A one-word candidate; `weak` ones (a name that is also a common word: "White", "Mark") count only beside accepted names. */
export type TSingle = { at: number; accepted: boolean; weak?: boolean; finding: TFinding };

export function known(b: string): boolean {
  const lex = nameLexicon();
  if (lex.first.has(b) || lex.last.has(b) || lex.other.has(b)) return true;
  return b.includes("-") && b.split("-").every((p) => lex.first.has(p) || lex.last.has(p));
}

export function kindOf(b: string): TKind {
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
    // "J." and "Al" may be part of a name; "RS" and "OV" are codes.
    if (word.length <= 2) return word.length === 1 || !(word.charCodeAt(1) >= 65 && word.charCodeAt(1) <= 90);
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
  if (last !== 46 && last !== 39 && last !== 8217 && !(last === 115 || last === 83))
    return word.toLowerCase();
  let end = word.length;
  while (end > 0 && (word[end - 1] === "." || word[end - 1] === "'" || word[end - 1] === "’")) end--;
  if (
    end > 2 &&
    (word[end - 1] === "s" || word[end - 1] === "S") &&
    (word[end - 2] === "'" || word[end - 2] === "’")
  )
    end -= 2;
  return word.slice(0, end).toLowerCase();
}

function inAddress(text: string, start: number, end: number): boolean {
  const before = text.charCodeAt(start - 1);
  // "/", "@", ".", "_" right before; or "Name." followed at once by more of a domain ("InstantResales.com").
  if (before === 47 || before === 64 || before === 46 || before === 95) return true;
  return text.charCodeAt(end - 1) === 46 && /[A-Za-z0-9]/.test(text[end] ?? "");
}

export function tokenize(text: string): TToken[] {
  const tokens: TToken[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const t = m[0];
    const first = t.charCodeAt(0);
    // Most words are lower case: nothing more to look at.
    const lower = first >= 97 && first <= 122;
    // Contractions ("I'm", "We'd") and parts of a URL, an e-mail address or a domain are never names.
    const cap =
      !lower &&
      !inAddress(text, m.index, m.index + t.length) &&
      !(t.length > 2 && CONTRACTION.test(t)) &&
      isCapitalised(t);
    const upper = !lower && !cap && t.length > 2 && t === t.toUpperCase() && t !== t.toLowerCase();
    tokens.push({
      text: t,
      index: tokens.length,
      start: m.index,
      end: m.index + t.length,
      bare: bareOf(t),
      cap,
      upper,
      initial: cap && (t.length === 1 || (t.length === 2 && t[1] === ".")),
    });
  }
  return tokens;
}

export function spanOf(run: TToken[]): TFinding {
  const end = run[run.length - 1];
  const possessive = /['’]s$/.test(end.text) ? 2 : 0;
  const trimmedEnd = end.text.endsWith(".") && !end.initial ? end.end - 1 : end.end - possessive;
  return { type: "name", start: run[0].start, end: trimmedEnd };
}
