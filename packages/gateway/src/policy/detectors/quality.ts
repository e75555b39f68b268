/**
 * A response quality score in [0, 1] from signals that need no second model: empty or truncated answers,
 * refusals, repetition, and an answer that ignores the question's words. Cheap by design; escalation routes
 * the low scorers to people.
 */
export function scoreQuality(prompt: string, response: string, finishReason: string | null): { score: number; signals: string[] } {
  const signals: string[] = [];
  let score = 1;
  const text = response.trim();
  if (!text) return { score: 0, signals: ["empty"] };
  if (finishReason === "length") {
    score -= 0.3;
    signals.push("truncated");
  }
  if (/^(i'?m sorry|i am sorry|i apologi[sz]e|as an ai|i can(no|')t (help|assist|do that)|i am unable|i'm unable)/i.test(text)) {
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
  const promptWords = new Set(prompt.toLowerCase().split(/\W+/).filter((w) => w.length > 4));
  if (promptWords.size >= 4 && words.length >= 10) {
    const overlap = words.filter((w) => promptWords.has(w)).length;
    if (overlap === 0) {
      score -= 0.2;
      signals.push("off_topic");
    }
  }
  return { score: Math.max(0, Math.round(score * 100) / 100), signals };
}
