import type { TFinding } from "../../types";
import { commonWordName, listMembers, repeatedParts } from "./name-groups";
import { nameLexicon } from "./name-lexicon";
import { lowerCaseName, lowerCasePair } from "./lower-case-names";
import { kindOf, known, NOT_PERSON, spanOf, tokenize, type TSingle, type TToken } from "./name-tokens";
import {
  AFTER_CUE,
  isSentenceStart,
  isSpeakerTag,
  NAME_CUE,
  isPersonCueBefore,
  SPEAKER_AFTER,
  STRONG_CUE,
  SPEECH_BEFORE,
  SURNAME_SHAPE,
  TITLE_BEFORE,
  VOCATIVE_AFTER,
} from "./name-cues";

// After a name, these end a street or a company even in lower case ("Maria Xelvane way too late" is a name).
const STREET_OR_COMPANY = new Set(
  "street st road rd avenue ave lane ln boulevard blvd inc llc ltd corp gmbh plc".split(" "),
);
const SPACES = /^ {1,3}$/;
const PRONOUN_AFTER = /^[^.!?\n]*\b(he|she|his|her|him|himself|herself)\b/i;
// Before a place rather than a person: a surname alone after these is more likely a town ("flew to Xelby").
const PLACE_BEFORE =
  /\b(in|at|near|into|via|arrived at|(moved|moving|came|comes|back) (here )?from|originally from|(flew|flying|travel+ing|returned|moved|moving|trip|way) to)\s+$/i;
const TITLE = /^(mr|mrs|ms|miss|dr|prof|sir|madam|mx|rev|capt|sgt|lt|col)\.?$/i;
// Lower-case particles inside a name: "Willemine ten Pas", "Ludwig van Beethoven".
const PARTICLE = new Set([
  "van",
  "von",
  "der",
  "den",
  "ten",
  "ter",
  "de",
  "da",
  "del",
  "della",
  "di",
  "du",
  "le",
  "la",
  "bin",
  "ibn",
  "al",
]);

type TContext = {
  text: string;
  prefix: string;
  rest: string;
  start: number;
  end: number;
  sentenceStart: boolean;
};

function isWord(r: TToken): boolean {
  return !r.initial && r.kind !== "particle" && !PARTICLE.has(r.text);
}

// "Xavi loves cooking, and she …": a gendered pronoun later in the sentence speaks of a person.
function pronounAfter(text: string, end: number): boolean {
  return PRONOUN_AFTER.test(text.slice(end, end + 60));
}

/** Words around a one-word span that only a person's name gets: a title, a speaker tag, a verb, a pronoun … */
function cuedAsPerson(c: TContext): boolean {
  return (
    STRONG_CUE.test(c.prefix) ||
    AFTER_CUE.test(c.rest) ||
    (isSpeakerTag(c.prefix, c.start) && SPEAKER_AFTER.test(c.rest)) ||
    (c.sentenceStart && VOCATIVE_AFTER.test(c.rest)) ||
    SPEECH_BEFORE.test(c.prefix) ||
    isPersonCueBefore(c.prefix) ||
    pronounAfter(c.text, c.end)
  );
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
  const shouting = !/\p{Ll}/u.test(text);
  // Where sentences start with capitals, the writer capitalises names too: lower-case words are not looked at.
  const mostlyLower = allLower || !/[.!?]\s+\p{Lu}|^\p{Lu}/u.test(text);
  const out: TFinding[] = [];
  const singles: TSingle[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (!t.cap) {
      // An all-capitals word in text that is not all capitals is an acronym ("a bad IBAN"), not a lower-case name.
      if (t.upper && !shouting) {
        i++;
        continue;
      }
      i = mostlyLower
        ? lowerCaseName(text, tokens, i, out, allLower, singles)
        : lowerCasePair(text, tokens, i, out);
      continue;
    }
    if (TITLE.test(t.text)) {
      i++;
      continue;
    }
    let j = i;
    // Extend the run over capitalised words, initials and particles separated by spaces ("Name:  Abby  Laidlaw").
    while (
      j + 1 < tokens.length &&
      !/['’]s$/.test(tokens[j].text) &&
      !(tokens[j].text.endsWith(".") && !tokens[j].initial) &&
      SPACES.test(text.slice(tokens[j].end, tokens[j + 1].start))
    ) {
      const next = tokens[j + 1];
      if (next.cap && !TITLE.test(next.text)) j++;
      else if (
        next.upper &&
        lex.first.has(tokens[j].bare) &&
        (kindOf(next.bare) === "known" || kindOf(next.bare) === "unknown")
      )
        j++;
      else {
        // "Anna van der Xelberg": one or two lower-case particles before a capitalised word.
        let p = j + 1;
        while (
          p < j + 3 &&
          PARTICLE.has(tokens[p]?.text) &&
          text.slice(tokens[p].end, tokens[p + 1]?.start) === " "
        )
          p++;
        // Two particles ("de la") open Spanish place names as often as names: only after a known first name.
        if (p > j + 1 && tokens[p]?.cap && (p === j + 2 || lex.first.has(tokens[i].bare))) j = p;
        else break;
      }
    }
    const after =
      tokens[j + 1] && text.slice(tokens[j].end, tokens[j + 1].start) === " " ? tokens[j + 1] : undefined;
    let run = tokens.slice(i, j + 1);
    i = j + 1;
    const titled = TITLE_BEFORE.test(text.slice(Math.max(0, run[0].start - 8), run[0].start));
    // "Mrs. Maria Xelvane Street …": after a title the words before a street or company word are a person's name.
    const notPerson = run.findIndex((r) => NOT_PERSON.has(r.bare));
    if (titled && notPerson > 0) {
      out.push(spanOf(run.slice(0, notPerson)));
      continue;
    }
    if (
      run.some((r) => NOT_PERSON.has(r.bare)) ||
      (after && NOT_PERSON.has(after.bare) && (after.cap || after.upper || STREET_OR_COMPANY.has(after.bare)))
    )
      continue;
    // "Mrs. Baker", "Mr. Brown": right after a title even an English word is a surname.
    if (run.length === 1 && titled) {
      out.push(spanOf(run));
      continue;
    }
    for (const r of run) r.kind = r.initial ? "known" : kindOf(r.bare);
    // "Anna Smith", "Mary J. White": after a first name or an initial, a surname that is also a common word.
    for (let k = 1; k < run.length; k++) {
      const prev = run[k - 1];
      if (
        run[k].kind === "stop" &&
        lex.commonNames.has(run[k].bare) &&
        (prev.initial || (prev.kind === "known" && lex.first.has(prev.bare)))
      )
        run[k].kind = "known";
    }
    // "Maria Xelvane Will Call": a common word inside a run ends the name; the rest is looked at again.
    const cut = run.findIndex((r, k) => k > 0 && r.kind === "stop" && !PARTICLE.has(r.bare));
    if (cut > 0 && run.slice(0, cut).some((r) => r.kind === "known")) {
      i = run[cut].index;
      run = run.slice(0, cut);
    }
    if (run.length === 1 && run[0].kind === "stop") {
      if (lex.commonNames.has(run[0].bare)) commonWordName(text, run[0], singles, out);
      continue;
    }
    // "De Luca", "Van Dyke": a capitalised particle opening a name.
    if (run.length > 1 && PARTICLE.has(run[0].bare) && run[1].kind !== "stop") run[0].kind = "particle";
    while (run.length && run[0].kind === "stop") run = run.slice(1);
    while (run.length && run[run.length - 1].kind === "stop") run = run.slice(0, -1);
    // "Producer James Sparks": leading English words before a name are not part of it.
    while (run.length > 1 && run[0].kind === "english" && run[1].kind !== "english") run = run.slice(1);
    if (!run.length || (run[0].initial && run.length === 1)) continue;
    // "Maria Xelvane Senior Vice President": a job title after a name is not part of it.
    while (
      run.length > 2 &&
      run[run.length - 1].kind === "english" &&
      run.filter((r) => isWord(r) && r.kind !== "english").length >= 2
    )
      run = run.slice(0, -1);
    const words = run.filter(isWord);
    if (!words.length || words.length > 4) continue;
    const prefix = text.slice(Math.max(0, run[0].start - 24), run[0].start);
    const end = run[run.length - 1];
    // What follows, from the possessive on ("Xavi's phone") or from a sentence's closing dot.
    const rest = text.slice(
      end.end - (end.text.endsWith(".") ? 1 : /['’]s$/.test(end.text) ? 2 : 0),
      end.end + 24,
    );
    // The cues are regular expressions over the context: the conditions below test them last, only when needed.
    const ks = words.map((w) => w.kind!);
    const nKnown = ks.filter((k) => k === "known").length;
    const nUnknown = ks.filter((k) => k === "unknown").length;
    let accept: boolean;
    if (words.length >= 2) {
      const middleInitial = run.slice(1, -1).some((r) => r.initial);
      if (ks.includes("stop")) accept = false;
      else if (ks.includes("english")) {
        accept =
          (nKnown >= 1 &&
            (lex.first.has(words[0].bare) || known(words[words.length - 1].bare) || nKnown >= 2)) ||
          (nKnown + nUnknown >= 1 &&
            (middleInitial ||
              AFTER_CUE.test(rest) ||
              isPersonCueBefore(prefix) ||
              pronounAfter(text, end.end))) ||
          STRONG_CUE.test(prefix);
      } else
        accept =
          nKnown >= 1 || nUnknown >= 2 || middleInitial || STRONG_CUE.test(prefix) || AFTER_CUE.test(rest);
    } else {
      const w = words[0];
      const sentenceStart = isSentenceStart(prefix, run[0].start);
      const context: TContext = { text, prefix, rest, start: run[0].start, end: end.end, sentenceStart };
      if (ks[0] === "known")
        accept =
          lex.first.has(w.bare) ||
          (!sentenceStart && !PLACE_BEFORE.test(prefix)) ||
          cuedAsPerson(context) ||
          NAME_CUE.test(prefix);
      else if (ks[0] === "unknown")
        accept =
          cuedAsPerson(context) || (SURNAME_SHAPE.test(w.bare) && (!sentenceStart || NAME_CUE.test(prefix)));
      // An English word that is also a name ("Key") needs a cue that only names get; '…! said Cobble' is one for any word.
      else if (ks[0] === "english")
        accept = (known(w.bare) && cuedAsPerson(context)) || (!sentenceStart && SPEECH_BEFORE.test(prefix));
      else accept = false;
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
