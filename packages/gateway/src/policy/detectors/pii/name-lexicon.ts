import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { allLocales } from "@faker-js/faker";

type TNameLists = {
  first: ReadonlySet<string>;
  last: ReadonlySet<string>;
  /** Names of people from cspell's people-names dictionary (first or last, not told apart). */
  other: ReadonlySet<string>;
  /** Ordinary English words (an-array-of-english-words, ~275k): a capitalised word outside it is a proper noun. */
  english: ReadonlySet<string>;
  common: ReadonlySet<string>;
  /** Common words that are also someone's first name or surname ("mark", "white"): a name only with support. */
  commonNames: ReadonlySet<string>;
};

const requireHere = createRequire(import.meta.url);

function cspellPeopleNames(): string[] {
  const dir = path.dirname(requireHere.resolve("@cspell/dict-people-names/cspell-ext.json"));
  return readFileSync(path.join(dir, "dict", "people-names.txt"), "utf8")
    .split("\n")
    .filter((l) => l && !l.startsWith("#"))
    .map((l) => l.trim().toLowerCase());
}

function addAll(into: Set<string>, value: unknown): void {
  if (!value) return;
  const lists = Array.isArray(value) ? [value] : Object.values(value as Record<string, unknown>);
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const name of list) {
      // Keep single words in Latin script; compound names are matched part by part.
      for (const part of String(name).split(/[\s-]+/))
        if (/^\p{Script=Latin}{2,}$/u.test(part)) into.add(part.toLowerCase());
    }
  }
}

let lists: TNameLists | null = null;

/**
 * First names and surnames of every locale faker ships (about 24k and 19k) and cspell's people names (~39k): a
 * lexicon, not a generator. Loaded once, on first use (~50 ms).
 */
export function nameLexicon(): TNameLists {
  if (lists) return lists;
  const first = new Set<string>();
  const last = new Set<string>();
  for (const locale of Object.values(allLocales)) {
    const person = (locale as { person?: { first_name?: unknown; last_name?: unknown } }).person;
    addAll(first, person?.first_name);
    addAll(last, person?.last_name);
  }
  const other = new Set(cspellPeopleNames().filter((w) => /^\p{Script=Latin}{2,}$/u.test(w)));

  const places = placeNames(first);
  const commonNames = new Set(NAME_LIKE_WORDS.filter((w) => first.has(w) || last.has(w) || other.has(w)));
  for (const word of [...COMMON_WORDS, ...NAME_LIKE_WORDS, ...places, ...NOT_PEOPLE]) {
    first.delete(word);
    last.delete(word);
    other.delete(word);
  }
  const english = new Set<string>(requireHere("an-array-of-english-words") as string[]);
  lists = {
    first,
    last,
    other,
    english,
    common: new Set([...COMMON_WORDS, ...NAME_LIKE_WORDS, ...places]),
    commonNames,
  };
  return lists;
}

/**
 * Country and region names, language names and the adjectives made from them, from the runtime's CLDR data
 * (Intl.DisplayNames): "France", "Czech", "Brazilian" are not people.
 */
function placeNames(firstNames: ReadonlySet<string>): string[] {
  const regions = new Intl.DisplayNames(["en"], { type: "region" });
  const languages = new Intl.DisplayNames(["en"], { type: "language" });
  const out: string[] = [];
  const A = 97;
  for (let i = 0; i < 26; i++) {
    for (let j = 0; j < 26; j++) {
      const code = String.fromCharCode(A + i, A + j);
      for (const name of [regions.of(code.toUpperCase()), languages.of(code)]) {
        if (!name || name.toLowerCase() === code) continue;
        const words = name
          .toLowerCase()
          .split(/[\s&,().-]+/)
          .filter(Boolean);
        // "St. Martin", "São Tomé": a word of a longer place name may also be someone's first name; keep those names.
        if (words.length === 1) out.push(words[0], ...demonyms(words[0]).filter((w) => !firstNames.has(w)));
        else out.push(...words.filter((w) => w.length > 3 && !firstNames.has(w)));
      }
    }
  }
  return out;
}

/** Likely adjectives of a place name: Russia → Russian, Mexico → Mexican, Brazil → Brazilian, Greenland → Greenlander. */
function demonyms(place: string): string[] {
  if (place.endsWith("a")) return [place + "n"];
  if (place.endsWith("o")) return [place.slice(0, -1) + "an"];
  return [place + "ian", place + "ese", place + "ish", place + "er"];
}

/** Words that end or sit inside organisation and street names; a capitalised run holding one is not a person. */
export const NOT_PEOPLE =
  "inc llc ltd corp co gmbh plc ag sa group street st road rd avenue ave lane ln drive court ct place pl way boulevard blvd apt suite creek dam square highway hwy park terrace royal princess prince".split(
    " ",
  );

/**
 * English words that are also someone's name somewhere. Left out of the lexicon so a capitalised sentence start
 * ("Will you…", "May I…") or a heading is not taken for a person.
 */
const COMMON_WORDS = (
  "a an the and or but if so to of in on at by for with from as is it its be am are was were do does did can " +
  "could will would shall should may might must have has had not no yes all any each every some many much more " +
  "most other such than then that this these those there here what which who whom whose when where why how " +
  "i me my we us our you your he him his she her they them their one two three four five six seven eight nine " +
  "ten first last next new old good great best long little big high low young " +
  "monday tuesday wednesday thursday friday saturday sunday " +
  "dear hi hello thanks thank please sorry ok okay yeah well just only also even still now today tomorrow " +
  "after before under over about into out up down off again once here there le la de da di du van von der " +
  "den del della des dos das ma li jo do so no to can an al el en et ha he lo lu mo na ne ni oh om " +
  "sa se si su ta te ti tu un ya ye yu bo bu go ka ko ku mi mu nu ra re ro ru " +
  "card bank email phone address name number code city state country world home office team group service " +
  "music song film movie book story news data tech art center centre street avenue boulevard apple " +
  "google amazon microsoft paris london berlin rome madrid china india japan america europe africa asia " +
  "christmas easter god jesus allah buddha mr mrs ms dr prof sir madam miss bye goodbye hey cheers congrats welcome"
).split(/\s+/);

/** Of the common words, those that are also first names or surnames ("Mark", "White", "Baker"). */
const NAME_LIKE_WORDS = (
  "white black brown green gray grey red blue gold silver rose lily daisy violet ivy hazel olive ruby pearl amber " +
  "crystal jade iris dawn summer winter autumn spring april may june july august january february march september " +
  "october november december king queen prince duke lord earl baron knight hill wood woods field fields stone rock " +
  "brook lake river ford bridge street road lane park church hall bell grant bill mark will page case hope joy " +
  "faith grace honor love star sky sun moon rain storm snow frost wolf fox bird lamb hunter fisher baker cook " +
  "miller smith taylor carpenter mason porter carter chase cash price rich gay strong short small power sharp " +
  "swift bright fair north south east west"
).split(" ");
