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

/**
 * Off topic: the prompt has at least 4 distinct words of 5+ characters and the answer uses none of them. One pass
 * over the prompt that stops at the first shared word, with no set of all the prompt's words.
 */
function isOffTopic(prompt: string, answerWords: string[]): boolean {
  const answerLongWords = new Set(answerWords.filter((w) => w.length > 4));
  const promptLongWords = new Set<string>();
  // Lower-case the whole prompt first, not word by word: lower-casing can turn a non-word character into word
  // characters (U+0130 becomes "i" + U+0307), which changes where words break.
  const lower = prompt.toLowerCase();
  LONG_WORD.lastIndex = 0;
  for (let m = LONG_WORD.exec(lower); m; m = LONG_WORD.exec(lower)) {
    if (answerLongWords.has(m[0])) {
      LONG_WORD.lastIndex = 0;
      return false;
    }
    if (promptLongWords.size < 4) promptLongWords.add(m[0]);
    else if (answerLongWords.size === 0) {
      LONG_WORD.lastIndex = 0;
      return true;
    }
  }
  return promptLongWords.size >= 4;
}
