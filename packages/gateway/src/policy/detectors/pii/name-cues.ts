/** Words around a span that say it is a person's name. Each is tested on a short window before or after it. */

// Right before a name, even one no lexicon knows.
export const STRONG_CUE =
  /(\b(mr|mrs|ms|miss|dr|prof|mx)\.?|\bname is|\bname\??:?|\bi'm|\bi am|\bnamed( (him|her))?|\bcalled|\bcalls? me|\bgender of)\s*$/i;

// Reported speech with the speaker after the verb: '…," says Hartvigsson.'
export const SPEECH_BEFORE = /\b(says|said|asks|asked|replies|replied|according to)\s+$/i;

// Addressing someone at the start of a sentence: "Warrane, can I …".
export const VOCATIVE_AFTER =
  /^,\s+(can|could|would|will|do|did|please|are|have|i|you|we|let|thanks|thank)\b/i;
// Addressing someone at the end of a sentence: "Don't go to town, Mark!" (tested on ", " + name + what follows).
export const VOCATIVE_END = /^,\s*[!?]|^,\s*\.(\s*$|\s+\p{Lu})/u;
export const TITLE_BEFORE = /\b(mr|mrs|ms|miss|dr|prof|mx)\.?\s+$/i;

// Weaker: these precede names often, but also other words.
export const NAME_CUE =
  /\b(name is|named|called|i am|i'm|this is|by|from|to|with|and|mr\.?|mrs\.?|ms\.?|dr\.?|dear|hi|hello|thanks|contact|ask|tell|met|meet|cc|signed|regards|sincerely|customer|patient|client|employee|user|applicant|says|said|name:)\s*$/i;

// Right after a name: a verb of speech, of something only people do, or a personal fact ("Tomomi lives at",
// "Xavi's phone number"). Verbs a company or a product also does ("announced", "works", "moved") are left out.
const PERSON_VERBS =
  "(?:just |also |then |never |always |still )?(?:said|says|shouted|asked|asks|replied|wrote|writes|told|tells|lives|lived|spent|is from|" +
  "was born|will be|has been|had given|explained|added|noted|smiled|laughed|nodded|whispered|went|came|met|visited|married|thinks|" +
  "thought|believes|feels|felt|loves|loved|likes|liked|wants|wanted|hopes|hoped|knows|knew|flew|drove|walked|arrived|studied|graduated|" +
  "died|retired|cried|sighed|yelled|promised|decided to|has to|had to|needs to|and (?:i|me)|(?:called|sent|gave) (?:me|you|him|her|us|them)|" +
  "is (?:my|our|your|his|her|their) (?:friend|wife|husband|son|daughter|brother|sister|mother|father|mom|dad|boss|manager|colleague|" +
  "partner|cousin|uncle|aunt|neighbou?r|doctor|lawyer|teacher)|enjoys|enjoyed|prefers|preferred|hates|hated|speaks|spoke|teaches|" +
  "taught|cooks|cooked|sings|sang|dances|danced|smokes|eats|ate|sleeps|slept|dreams|dreamed|wishes|wished|misses|missed|worries|" +
  "worried|lied|complained|apologi[sz]ed|volunteered|grew up|was raised|got married|is pregnant|turned \\d+)";
const PERSONAL_NOUNS =
  "(?:phone|mobile|cell|e-?mail|address|number|wife|husband|son|daughter|brother|sister|mother|father|mom|dad|birthday|age|" +
  "date of birth|social security|ssn|passport|salary|account|card|car|house|home|family|parents|children|kids|friend|boss|manager|" +
  "partner|girlfriend|boyfriend|fianc[eé]e?|full name|last name|first name|maiden name|surname|signature|resume|cv|medical|health|" +
  "diagnosis|insurance|employer|desk|behalf)";

// Right after a name: a verb of speech, of something only people do, or a personal fact ("Tomomi lives at",
// "Xavi's phone number"). Verbs a company or a product also does ("announced", "works", "moved") are left out.
export const AFTER_CUE = new RegExp(
  `^(?:(?:['’]s)?\\s+${PERSON_VERBS}|['’]s\\s+${PERSONAL_NOUNS}|,?\\s+who(?:se|m)?)\\b`,
  "i",
);

// Right before a name that no lexicon knows: a verb or a noun that takes a person, or a greeting ("met Xavi",
// "my colleague Xavi", "Thanks, Xavi").
const PERSON_BEFORE = new Set(
  (
    "met meet told tell ask asked thank thanks invite invited hire hired marry married visit visited email e-mail texted phoned cc dear " +
    "hi hello hey bye goodbye congrats congratulations friend wife husband son daughter brother sister mother father mom mum dad boss " +
    "colleague coworker co-worker cousin uncle aunt neighbor neighbour nephew niece grandma grandpa grandmother grandfather boyfriend " +
    "girlfriend fiance fiancé fiancee fiancée contact contacted ping pinged notify notified inform informed remind reminded introduce " +
    "introduced congratulate congratulated message messaged messaging emailing calling morning afternoon evening night birthday anniversary"
  ).split(" "),
);

/** Whether the word before a span (a comma may follow it) takes a person: "met", "colleague", "thank you". */
export function isPersonCueBefore(prefix: string): boolean {
  let end = prefix.length;
  while (end > 0 && (prefix[end - 1] === " " || prefix[end - 1] === ",")) end--;
  let start = end;
  while (start > 0 && /[\p{L}-]/u.test(prefix[start - 1])) start--;
  if (start === end) return false;
  const word = prefix.slice(start, end).toLowerCase();
  if (PERSON_BEFORE.has(word)) return true;
  // "Thank you, Xavi", "Thanks to Xavi", "say hi to Xavi": the cue is the word before "you" or "to".
  const before = prefix.slice(Math.max(0, start - 24), start);
  return (
    (word === "you" && /\bthank\s+$/i.test(before)) ||
    (word === "to" && /\b(thanks|congratulations|congrats|hi|hello|goodbye|out|welcome)\s+$/i.test(before))
  );
}

// A speaker tag at the start of a line ("Ubul: What a …", "> Ana: …").
export const SPEAKER_AFTER = /^['’]?s?\s*:/;
export function isSpeakerTag(prefix: string, start: number): boolean {
  return start === 0 || /(^|\n)[\s>"]*$/.test(prefix);
}

export function isSentenceStart(prefix: string, start: number): boolean {
  return start === 0 || /(^|[.!?:\n]\s*|^\s*["'(])$/.test(prefix) || /(^|\n)[\s>"(]*$/.test(prefix);
}

/**
 * Surname endings common across European and Central Asian naming systems (patronymic and family suffixes).
 * A capitalised word that is in no dictionary and ends like this is taken for a surname mid-sentence.
 */
export const SURNAME_SHAPE =
  /^(mc|mac|o')\p{L}{3,}|\p{L}{3,}(ova|eva|ov|ev|yev|sky|ski|ska|skaya|sson|sen|dottir|dóttir|ez|escu|enko|chenko|yan|idze|dze|shvili|ić|ovic|evic|vich|ovich|evich|ovna|evna|poulos|oglu|oğlu|nen|chuk|ichi|moto|shima|yama|kawa|mura)$/u;
