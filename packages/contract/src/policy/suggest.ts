import { closest, distance } from "fastest-levenshtein";
import { z } from "zod";
import type { TPathSegment } from "./lint-issue";

/** "Did you mean …?" when a close enough candidate exists, else the list of candidates. */
export function suggest(word: string, all: readonly string[]): string {
  const candidates = [...new Set(all)];
  if (candidates.length === 0) return "";
  const best = closest(word, candidates);
  if (distance(word.toLowerCase(), best.toLowerCase()) <= Math.max(2, Math.floor(best.length / 3))) {
    return `did you mean \`${best}\`?`;
  }
  return `expected one of: ${candidates.join(", ")}`;
}

/** Keys of the strict object reached by following `path` into `schema`. */
export function objectKeysAt(schema: z.ZodType, path: readonly TPathSegment[]): string[] {
  let cur: z.ZodType | undefined = schema;
  for (const seg of [...path, null]) {
    while (cur instanceof z.ZodOptional || cur instanceof z.ZodNullable) cur = cur.unwrap() as z.ZodType;
    if (seg === null) break;
    if (cur instanceof z.ZodObject) cur = cur.shape[String(seg)] as z.ZodType | undefined;
    else if (cur instanceof z.ZodArray) cur = cur.element as z.ZodType;
    else if (cur instanceof z.ZodRecord) cur = cur.valueType as z.ZodType;
    else return [];
  }
  return cur instanceof z.ZodObject ? Object.keys(cur.shape) : [];
}
