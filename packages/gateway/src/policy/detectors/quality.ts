/**
 * A response quality score in [0, 1] from signals that need no second model: empty or truncated answers,
 * refusals, repetition, and an answer that ignores the question's words. Cheap by design; escalation routes
 * the low scorers to people.
 */
export function scoreQuality(
  prompt: string,
  response: string,
  finishReason: string | null,
): { score: number; signals: string[] } {
  const signals: string[] = [];
  let score = 1;
  const text = response.trim();
  if (!text) return { score: 0, signals: ["empty"] };
  if (finishReason === "length") {
    score -= 0.3;
    signals.push("truncated");
  }
  if (
    /^(i'?m sorry|i am sorry|i apologi[sz]e|as an ai|i can(no|')t (help|assist|do that)|i am unable|i'm unable)/i.test(
      text,
    )
  ) {
    score -= 0.5;
    signals.push("refusal");
  }
  const words = text.toLowerCase().split(/\W+/).filter(Boolean);
  if (words.length < 3 && prompt.split(/\s+/).length > 8) {
    score -= 0.3;
    signals.push("too_short");
  }
  if (words.length >= 20) {
    const distinct = new Set(words).size / words.length;
    if (distinct < 0.3) {
      score -= 0.4;
      signals.push("repetitive");
    }
  }
  if (words.length >= 10 && isOffTopic(prompt, words)) {
    score -= 0.2;
    signals.push("off_topic");
  }
  return { score: Math.max(0, Math.round(score * 100) / 100), signals };
}

const LONG_WORD = /\w{5,}/g;
const isWordChar = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/** Whether `word` occurs in `text` as a whole word (a maximal run of \w characters). */
function hasWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    const end = at + word.length;
    if (
      (at === 0 || !isWordChar(text.charCodeAt(at - 1))) &&
      (end === text.length || !isWordChar(text.charCodeAt(end)))
    )
      return true;
  }
  return false;
}

/**
 * Off topic: the prompt has at least 4 distinct words of 5+ characters and the answer uses none of them. Looks up
 * the answer's few long words in the prompt, and counts the prompt's long words only up to 4, instead of making a
 * set of all the prompt's words.
 */
function isOffTopic(prompt: string, answerWords: string[]): boolean {
  // Lower-case the whole prompt first, not word by word: lower-casing can turn a non-word character into word
  // characters (U+212A KELVIN SIGN becomes "k"), which changes where words break.
  const lower = prompt.toLowerCase();
  for (const word of answerWords) if (word.length > 4 && hasWord(lower, word)) return false;
  const promptLongWords = new Set<string>();
  LONG_WORD.lastIndex = 0;
  for (let m = LONG_WORD.exec(lower); m; m = LONG_WORD.exec(lower)) {
    promptLongWords.add(m[0]);
    if (promptLongWords.size === 4) {
      LONG_WORD.lastIndex = 0;
      return true;
    }
  }
  return false;
}
