import type { TFinding } from "../../types";
import { isSentenceStart, VOCATIVE_END } from "./name-cues";
import { known, spanOf, type TSingle, type TToken } from "./name-tokens";

/**
 * A name that is also a common word ("Mark", "White") on its own: taken when addressed at the end of a sentence
 * ("Don't go, Mark!"), else kept as a weak candidate that a list of accepted names can take in ("Ortiz and White").
 */
export function commonWordName(text: string, t: TToken, singles: TSingle[], out: TFinding[]): void {
  const prefix = text.slice(Math.max(0, t.start - 24), t.start);
  if (isSentenceStart(prefix, t.start)) return;
  const finding = spanOf([t]);
  if (VOCATIVE_END.test(prefix.slice(-2) + text.slice(t.end, t.end + 3))) out.push(finding);
  else singles.push({ at: t.index, accepted: false, weak: true, finding });
}

/** "Joakim Westgård and starring Westgård": a capitalised word that is part of a name found in the same text. */
export function repeatedParts(text: string, tokens: TToken[], found: TFinding[]): TFinding[] {
  if (!found.length) return [];
  const parts = new Set<string>();
  // The surname closing a name of two or more words counts even when it is an English word ("Tom J. Key … starring Key").
  const surnames = new Set<string>();
  for (const t of tokens) {
    if (!t.cap || t.initial) continue;
    const f = found.find((f) => t.start >= f.start && t.end <= f.end + 2);
    if (!f) continue;
    parts.add(t.bare);
    if (t.start > f.start && t.end >= f.end) surnames.add(t.bare);
  }
  const out: TFinding[] = [];
  for (const t of tokens) {
    if (!t.cap || t.bare.length < 3 || !parts.has(t.bare) || t.kind === "stop") continue;
    if (
      t.kind === "english" &&
      !(surnames.has(t.bare) && !isSentenceStart(text.slice(Math.max(0, t.start - 24), t.start), t.start))
    )
      continue;
    if (
      found.some((f) => t.start < f.end && f.start < t.end) ||
      out.some((f) => t.start < f.end && f.start < t.end)
    )
      continue;
    out.push(spanOf([t]));
  }
  return out;
}

const VERB_NEXT = /^\s+(you|i|we|he|she|they|it|be|have|not|to)\b/i;
const LIST_SEP = /^(,\s*(and\s+|or\s+|&\s+)?|\s+(and|or|&)\s+)$/;

/**
 * "Kónya, Becker and Vasquez": a capitalised word listed with an accepted name is a name too; so is a list of
 * two or more words that are names or in no dictionary, one of them a known name ("Usamov and Bowers").
 */
export function listMembers(text: string, tokens: TToken[], singles: TSingle[]): TFinding[] {
  const out: TFinding[] = [];
  const linked = (a: TSingle, b: TSingle) =>
    LIST_SEP.test(text.slice(a.finding.end, b.finding.start)) ||
    LIST_SEP.test(text.slice(tokens[a.at].end, tokens[b.at].start));
  for (let k = 0; k < singles.length;) {
    let e = k;
    while (e + 1 < singles.length && linked(singles[e], singles[e + 1])) e++;
    const group = singles.slice(k, e + 1).filter((s) => !s.weak);
    k = e + 1;
    if (group.length < 2 || group.some((s) => s.accepted)) continue;
    const namey = group.filter((s) => known(tokens[s.at].bare)).length;
    if (
      namey >= 1 &&
      group.every((s) => tokens[s.at].kind !== "english" || known(tokens[s.at].bare)) &&
      group.filter((s) => tokens[s.at].kind !== "english").length >= 1
    ) {
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
      // "Eva, will you …": a common word followed by what follows a verb is the verb, not a listed name.
      if (s.weak && VERB_NEXT.test(text.slice(s.finding.end, s.finding.end + 8))) continue;
      const nextToAccepted =
        (singles[k - 1]?.accepted && linked(singles[k - 1], s)) ||
        (singles[k + 1]?.accepted && linked(s, singles[k + 1]));
      if (nextToAccepted) {
        s.accepted = true;
        out.push(s.finding);
        changed = true;
      }
    }
  }
  return out;
}
