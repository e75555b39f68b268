import { isIPv4, isIPv6 } from "node:net";
import type { TFinding } from "../../types";
import { before, NOT_PII_CONTEXT } from "./context";

const EMAIL = /[A-Za-z0-9][A-Za-z0-9._%+-]*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,24}\b/g;

export function findEmails(text: string): TFinding[] {
  if (!text.includes("@")) return [];
  return [...text.matchAll(EMAIL)].map((m) => ({
    type: "email",
    start: m.index,
    end: m.index + m[0].length,
  }));
}

// Area 000, 666 and 900-999, group 00 and serial 0000 are never issued.
const SSN_DASHED = /(?<![\d-])(?!000|666|9\d\d)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}(?![\d-])/g;
const SSN_BARE = /(?<!\d)(?!000|666|9\d\d)\d{3}(?!00)\d{2}(?!0000)\d{4}(?!\d)/g;
const SSN_CONTEXT = /(ssn|social security|soc\. sec|taxpayer|tin)\b[^.\n]{0,25}$/;

export function findSsns(text: string): TFinding[] {
  const out: TFinding[] = [];
  for (const m of text.matchAll(SSN_DASHED)) {
    // 123-45-6789 also looks like a phone fragment or a date; without context, the dashed 3-2-4 shape is enough.
    out.push({ type: "ssn", start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(SSN_BARE)) {
    if (SSN_CONTEXT.test(before(text, m.index)))
      out.push({ type: "ssn", start: m.index, end: m.index + m[0].length });
  }
  return out;
}

const IPV4 = /(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w]|\.\d)/g;
const IPV6 = /(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])/g;
const VERSION_CONTEXT = /(\bv|version|ver\.?|release|build|firmware|sdk|node|python|chrome)\s*$/;

export function findIps(text: string): TFinding[] {
  const out: TFinding[] = [];
  if (text.includes(".")) {
    for (const m of text.matchAll(IPV4)) {
      if (!isIPv4(m[0]) || VERSION_CONTEXT.test(before(text, m.index, 12))) continue;
      out.push({ type: "ip_address", start: m.index, end: m.index + m[0].length });
    }
  }
  if (text.includes(":")) {
    for (const m of text.matchAll(IPV6)) {
      // A time like 10:30:00 is not an address; require hex groups and a valid parse.
      if (!isIPv6(m[0]) || (/^[\d:]+$/.test(m[0]) && m[0].split(":").length < 5)) continue;
      out.push({ type: "ip_address", start: m.index, end: m.index + m[0].length });
    }
  }
  return out;
}

const STREET_SUFFIX =
  "street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|place|pl|square|sq|terrace|way|parkway|pkwy|highway|hwy|circle|cir|trail|crescent|close|strasse|straße|str|gasse|weg|allee|platz|rue|avenida|calle|via|viale|katu|gatan|gata|vej|laan|straat";
const ADDRESS = new RegExp(
  `\\b\\d{1,6}[A-Za-z]?\\s+(?:[A-Z][\\p{L}'.-]*\\s+){0,4}(?:${STREET_SUFFIX})\\b\\.?(?:,?\\s*(?:apt|apartment|suite|ste|unit|#)\\.?\\s*[\\w-]+)?`,
  "giu",
);

// Street types written before the name (Rua Mina 50, Via dei Fiorentini 17, ul. Zamkowa 33) and the short words
// that sit inside street names of many languages.
const STREET_PREFIX =
  "rua|via|viale|vicolo|piazza|piazzetta|corso|largo|strada|calle|avenida|avda\\.|av\\.|paseo|plaza|praça|travessa|rue|chemin|ul\\.|ulica|aleja|al\\.|c\\/";
const STREET_INNER =
  "de|do|da|dos|das|del|dei|della|di|du|des|la|le|e|y|van|von|der|den|u\\.|ul\\.|utca|út|str\\.|gade|vej|katu|tie|gata|gatan|väg|vägen|terrasse|straße|strasse";
const NAME_WORD = "\\p{Lu}[\\p{L}'’.-]*";
// Without a street word in it, a number-first address ends a line or a clause, or goes on with an apartment, a street
// type or a capitalised town; "Release 12 Beta 3 on Monday" goes on in lower case.
const ADDRESS_END = /^\s*(?:$|[\n,;:)]|\s+(?:apt|apartment|suite|ste|unit|st\b|street|\p{Lu}))/iu;
const STREET_WORD = new RegExp(`(^|\\s)(?:${STREET_PREFIX}|${STREET_INNER})(?=\\s)`, "iu");
// Numbered things that are not houses: "Section 4 Part B Item 12", "Release 12 Beta 3".
const NUMBERED_THING =
  /\b(release|section|chapter|page|item|step|level|round|part|version|table|figure|fig\.|episode|season|volume|vol\.|issue|no\.|number|#)\s*$/i;
// "86036 Rua do Arenque 1634", "17693 Király u. 15.", "5850 Jana Nerudy 894": house number, capitalised words, number.
const ADDRESS_NUMBER_FIRST = new RegExp(
  `(?<![\\w.,/-])\\d{1,6}[A-Za-z]?\\s+(?:(?:${STREET_PREFIX})\\s+)?${NAME_WORD}(?:\\s+(?:(?:${STREET_INNER})\\s+)*${NAME_WORD}){0,4}(?:\\s+(?:${STREET_INNER}))?\\s+\\d{1,5}[A-Za-z]?\\b\\.?`,
  "gu",
);
// "Via dei Fiorentini 17", "Rua Mina 50": a street type first, then the name and the number.
const TYPE_PREFIX = STREET_PREFIX.replace(
  /(^|\|)([a-zà-ÿ])/g,
  (_, sep: string, c: string) => `${sep}[${c.toUpperCase()}${c}]`,
);
// The street type comes first in the pattern and the "no letter before it" check after it: far fewer attempts.
const ADDRESS_TYPE_FIRST = new RegExp(
  `(?:${TYPE_PREFIX})(?<![\\p{L}](?:${TYPE_PREFIX}))\\s+(?:(?:${STREET_INNER})\\s+)*${NAME_WORD}(?:\\s+(?:(?:${STREET_INNER})\\s+)*${NAME_WORD}){0,3}\\s+\\d{1,5}[A-Za-z]?\\b`,
  "gu",
);

// Title-case prose ("5 Musicians Of The 70s") is not an address.
const HEADLINE_WORD = /\s(Of|The|And|For|To|In|On|At|An?|With|You|Your|My)\s/;

/**
 * Street addresses: "number + name + street type" (1600 Pennsylvania Avenue), "number + name + number" as many
 * European addresses are written (86036 Rua do Arenque 1634), and "street type + name + number" (Via Tasso 129).
 */
export function findAddresses(text: string): TFinding[] {
  if (!/\d/.test(text)) return [];
  const out = [...text.matchAll(ADDRESS)]
    .filter((m) => /[A-Za-z]/.test(m[0]) && /\s[A-Z]/.test(m[0]))
    .map((m): TFinding => ({ type: "address", start: m.index, end: m.index + m[0].length }));
  for (const re of [ADDRESS_NUMBER_FIRST, ADDRESS_TYPE_FIRST]) {
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = m.index + m[0].length;
      if (
        out.some((f) => start < f.end && f.start < end) ||
        HEADLINE_WORD.test(m[0]) ||
        NUMBERED_THING.test(before(text, start, 12)) ||
        (re === ADDRESS_NUMBER_FIRST &&
          !STREET_WORD.test(m[0]) &&
          !ADDRESS_END.test(text.slice(end, end + 12))) ||
        NOT_PII_CONTEXT.test(before(text, start))
      )
        continue;
      out.push({ type: "address", start, end });
    }
  }
  return out;
}

const ACCOUNT_CONTEXT =
  /(account|acct|a\/c|routing|aba|sort code|bank|swift|bic)\s*(no\.?|number|num|#|code)?\s*(is|:)?\s*$/;
const ACCOUNT_NUMBER = /(?<![\w-])\d(?:[ -]?\d){5,16}(?![\w-])/g;
const SWIFT = /\b[A-Z]{4}[A-Z]{2}[A-Z2-9][A-NP-Z0-9](?:[A-Z0-9]{3})?\b/g;

/** Bank account and routing numbers, SWIFT/BIC codes: only with a banking word right before them. */
export function findFinancial(text: string): TFinding[] {
  const out: TFinding[] = [];
  for (const re of [ACCOUNT_NUMBER, SWIFT]) {
    for (const m of text.matchAll(re)) {
      if (ACCOUNT_CONTEXT.test(before(text, m.index, 30)))
        out.push({ type: "financial", start: m.index, end: m.index + m[0].length });
    }
  }
  return out;
}
