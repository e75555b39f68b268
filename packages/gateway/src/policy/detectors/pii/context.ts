/** The lower-cased text just before a span, to look for words that confirm or rule out a match. */
export function before(text: string, start: number, width = 40): string {
  return text.slice(Math.max(0, start - width), start).toLowerCase();
}

export function after(text: string, end: number, width = 20): string {
  return text.slice(end, end + width).toLowerCase();
}

/** Words that mark a number as an identifier that is not personal data. */
export const NOT_PII_CONTEXT = /\b(order|invoice|tracking|shipment|parcel|ticket|case|ref(erence)?|sku|part|serial|item|product|build|version|ver|v|po|isbn|issue|pr|commit|sha|id|uuid|request|transaction|txn|confirmation|booking|license|licence|passport|permit)\b\s*(no\.?|number|num|#|id)?\s*(is|was|=)?\s*[:#]?\s*$/;
