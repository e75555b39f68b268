import type { TFinding } from "../../types";
import { AFTER_CUE, isSpeakerTag, SPEAKER_AFTER, STRONG_CUE } from "./name-cues";
import { nameLexicon } from "./name-lexicon";
import { kindOf, spanOf, type TSingle, type TToken } from "./name-tokens";

/**
 * A lower-case name in text that is otherwise capitalised ("have you heard ingrid xelvane speak?"): only a first name
 * no English word shadows, followed by a surname-like word. Returns the next index.
 */
export function lowerCasePair(text: string, tokens: TToken[], i: number, out: TFinding[]): number {
  const t = tokens[i];
  const next = tokens[i + 1];
  if (!next || next.start !== t.end + 1 || t.upper || next.cap || next.upper || next.bare.length < 3)
    return i + 1;
  const { english, first, common } = nameLexicon();
  if (!first.has(t.bare) || english.has(t.bare) || common.has(t.bare) || text.charCodeAt(t.end) !== 32)
    return i + 1;
  const nk = kindOf(next.bare);
  if (nk !== "known" && nk !== "unknown") return i + 1;
  out.push(spanOf([t, next]));
  return i + 2;
}

/**
 * Lower-case names: a known first name that is not an English word followed by a surname ("eva kleist",
 * "eric g. samoylova"), or a lone name right after a strong cue ("her maiden name is nyberg"). Returns the next index.
 */
const LIST_BEFORE = /(,\s*|\s(and|or|&)\s+)$/;
const LIST_AFTER = /^(\s*,|\s+(and|or|&)\s)/;

/** Whether a word is next to a list separator (", ", " and ", " or "). */
function inList(text: string, t: TToken): boolean {
  return (
    LIST_AFTER.test(text.slice(t.end, t.end + 6)) ||
    LIST_BEFORE.test(text.slice(Math.max(0, t.start - 6), t.start))
  );
}

export function lowerCaseName(
  text: string,
  tokens: TToken[],
  i: number,
  out: TFinding[],
  allLower: boolean,
  singles: TSingle[],
): number {
  const t = tokens[i];
  const { english, first, commonNames } = nameLexicon();
  // "anna, maria, will and eva": a common word that is also a name counts only in a list with accepted names.
  if (commonNames.has(t.bare)) {
    if (inList(text, t)) singles.push({ at: i, accepted: false, weak: true, finding: spanOf([t]) });
    return i + 1;
  }
  // Most lower-case words are English: one lookup settles them.
  if (t.bare.length < 2 || (english.has(t.bare) && !first.has(t.bare))) return i + 1;
  const k = kindOf(t.bare);
  if (k === "english" || k === "stop") return i + 1;
  let j = i + 1;
  if (
    tokens[j] &&
    /^\p{Ll}\.?$/u.test(tokens[j].text) &&
    text.slice(t.end, tokens[j].start) === " " &&
    tokens[j + 1] &&
    !tokens[j + 1].cap
  )
    j++;
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
  const firstName = k === "known" && first.has(t.bare);
  const lone =
    (allLower && firstName && !english.has(t.bare)) ||
    (firstName && (AFTER_CUE.test(rest) || (isSpeakerTag(prefix, t.start) && SPEAKER_AFTER.test(rest)))) ||
    STRONG_CUE.test(prefix);
  if (lone) out.push(spanOf([t]));
  // Lower-case words no dictionary knows are everywhere in chat: alone they join only a list with accepted names.
  if (lone || inList(text, t)) singles.push({ at: i, accepted: lone, weak: !lone, finding: spanOf([t]) });
  return i + 1;
}
