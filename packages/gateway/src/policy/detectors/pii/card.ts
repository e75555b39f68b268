import type { TFinding } from "../../types";
import { before, NOT_PII_CONTEXT } from "./context";
import { luhnValid } from "./luhn";

// 13-19 digits, optionally in groups split by single spaces or dashes.
const CARD_CANDIDATE = /(?<![\d.\-/])\d(?:[ -]?\d){11,18}(?![\d/]|[.-]\d)/g;
const CARD_CONTEXT = /\b(card|cc|visa|amex|mastercard|maestro|jcb|discover|diners|debit|credit)\b[^.\n]{0,30}$/;

/** Issuer prefixes (IIN ranges) of the networks in use, so an arbitrary Luhn-valid number is not taken for a card. */
function knownIssuer(d: string): boolean {
  const two = Number(d.slice(0, 2));
  const three = Number(d.slice(0, 3));
  const four = Number(d.slice(0, 4));
  const six = Number(d.slice(0, 6));
  const len = d.length;
  if (d[0] === "4") return len === 13 || len === 16 || len === 19; // Visa
  if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return len === 16; // Mastercard
  if (two === 34 || two === 37) return len === 15; // Amex
  if (four === 6011 || two === 65 || (three >= 644 && three <= 649) || (six >= 622126 && six <= 622925)) return len >= 16; // Discover
  if (four >= 3528 && four <= 3589) return len >= 16; // JCB
  if ((three >= 300 && three <= 305) || two === 36 || two === 38 || two === 39 || three === 309) return len >= 14; // Diners
  if (two === 62 || two === 81) return len >= 16; // UnionPay
  if (["50", "56", "57", "58", "63", "67", "68", "69"].includes(d.slice(0, 2))) return len >= 12; // Maestro
  return false;
}

export function findCreditCards(text: string): TFinding[] {
  const out: TFinding[] = [];
  for (const m of text.matchAll(CARD_CANDIDATE)) {
    const digits = m[0].replace(/[ -]/g, "");
    if (digits.length < 12 || digits.length > 19) continue;
    if (/^(\d)\1+$/.test(digits) || !luhnValid(digits)) continue;
    const ctx = before(text, m.index);
    const cardContext = CARD_CONTEXT.test(ctx);
    // Without a card word nearby, only numbers in a network's issuer range with its length count.
    if (!cardContext && (digits.length < 13 || !knownIssuer(digits))) continue;
    if (NOT_PII_CONTEXT.test(ctx) && !cardContext) continue;
    out.push({ type: "credit_card", start: m.index, end: m.index + m[0].length });
  }
  return out;
}
