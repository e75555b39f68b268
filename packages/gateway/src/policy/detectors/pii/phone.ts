import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";
import type { TFinding } from "../../types";
import { before, NOT_PII_CONTEXT } from "./context";

// Digits in groups split by spaces, dashes, dots or parentheses, an optional +country code and (0) trunk prefix.
const PHONE_CANDIDATE = /(?<![\w+\-./])(?:\+\d{1,3}[ .-]?)?(?:\(0\)[ ]?)?(?:\(\d{1,5}\)[ .-]?)?\d(?:[ .-]?\d){5,13}(?:\s?(?:x|ext\.?)\s?\d{1,5})?(?![\w]|[.-]\d|\/)/g;
const PHONE_CONTEXT = /(phone|tel|mobile|cell|fax|call|desk|office|reach|text|whatsapp|contact|number|sms|dial|at)\b[\s\S]{0,12}$/;

/** Countries tried for numbers written without +code; the first whose numbering plan accepts the number wins. */
const NATIONAL_PLANS: CountryCode[] = ["US", "GB", "DE", "FR", "IT", "ES", "NL", "BE", "CH", "AT", "SE", "NO", "DK", "FI", "PL", "HU", "CZ", "PT", "IE", "AU", "NZ", "CA", "BR", "MX", "IN", "JP", "IL", "ZA", "RU", "TR"];

const STRONG_PHONE_CONTEXT = /(phone|tel|mobile|cell|fax|call|desk|office|whatsapp|sms|dial)\b[\s\S]{0,12}$/;
const DATE_LIKE = /^(\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})$/;
const VERSION_LIKE = /^\d{1,3}(\.\d{1,3}){1,3}$/;

function plausible(candidate: string): boolean {
  if (candidate.startsWith("+")) return parsePhoneNumberFromString(candidate)?.isPossible() ?? false;
  const national = candidate.replace("(0)", "");
  for (const country of NATIONAL_PLANS) {
    const parsed = parsePhoneNumberFromString(national, country);
    if (parsed?.isValid()) return true;
  }
  return false;
}

export function findPhones(text: string): TFinding[] {
  const out: TFinding[] = [];
  for (const m of text.matchAll(PHONE_CANDIDATE)) {
    const raw = m[0].trim().replace(/\s?(x|ext\.?)\s?\d{1,5}$/, "");
    const digits = raw.replace(/\D/g, "");
    if (digits.length < 7 || digits.length > 15) continue;
    if (DATE_LIKE.test(raw) || VERSION_LIKE.test(raw) || /^(\d)\1+$/.test(digits)) continue;
    const ctx = before(text, m.index);
    if (NOT_PII_CONTEXT.test(ctx)) continue;
    const hasSeparators = /[ .\-()+]/.test(raw);
    const hasContext = PHONE_CONTEXT.test(ctx);
    // A bare run of digits is only a phone number when the words around it say so.
    if (!hasSeparators && !hasContext) continue;
    if (/^\d+\.\d+$/.test(raw)) continue;
    // Dates with a time ("2000-04-16 11:34") and house numbers before a street name are not phone numbers.
    if (/\d{4}-\d{2}-\d{2}/.test(raw) || text[m.index + m[0].length] === ":") continue;
    if (digits.length <= 9 && !STRONG_PHONE_CONTEXT.test(ctx) && /^[ \t]+\p{Lu}\p{Ll}/u.test(text.slice(m.index + m[0].length))) continue;
    if (!plausible(raw) && !(hasContext && digits.length >= 8)) continue;
    out.push({ type: "phone", start: m.index, end: m.index + m[0].length });
  }
  return out;
}
