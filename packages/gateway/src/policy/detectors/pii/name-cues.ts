/** Words around a span that say it is a person's name. Each is tested on a short window before or after it. */

// Right before a name, even one no lexicon knows.
export const STRONG_CUE = /(\b(mr|mrs|ms|miss|dr|prof|mx)\.?|\bname is|\bname\??:?|\bi'm|\bi am|\bnamed( (him|her))?|\bcalled|\bcalls? me|\bgender of)\s*$/i;

// Reported speech with the speaker after the verb: '…," says Hartvigsson.'
export const SPEECH_BEFORE = /\b(says|said|asks|asked|replies|replied|according to)\s+$/i;

// Addressing someone at the start of a sentence: "Warrane, can I …".
export const VOCATIVE_AFTER = /^,\s+(can|could|would|will|do|did|please|are|have|i|you|we|let|thanks|thank)\b/i;
export const TITLE_BEFORE = /\b(mr|mrs|ms|miss|dr|prof|mx)\.?\s+$/i;

// Weaker: these precede names often, but also other words.
export const NAME_CUE = /\b(name is|named|called|i am|i'm|this is|by|from|to|with|and|mr\.?|mrs\.?|ms\.?|dr\.?|dear|hi|hello|thanks|contact|ask|tell|met|meet|cc|signed|regards|sincerely|customer|patient|client|employee|user|applicant|says|said|name:)\s*$/i;

// Right after a name: a verb of speech or a personal fact ("Tomomi lives at", "says Hartvigsson." is NAME_CUE).
export const AFTER_CUE = /^(['’]s)?\s+(said|says|shouted|asked|replied|wrote|writes|told|tells|lives|lived|spent|is from|was born|will be|has been|had given|explained|added|noted|smiled|laughed|nodded|whispered)\b/i;

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
export const SURNAME_SHAPE = /^(mc|mac|o')\p{L}{3,}|\p{L}{3,}(ova|eva|ov|ev|yev|sky|ski|ska|skaya|sson|sen|dottir|dóttir|ez|escu|enko|chenko|yan|idze|dze|shvili|ić|ovic|evic|vich|ovich|evich|ovna|evna|poulos|oglu|oğlu|nen|chuk|ichi|moto|shima|yama|kawa|mura)$/u;
