import { electronicFormatIBAN, isValidIBAN } from "ibantools";
import type { TFinding } from "../../types";

// Country code, check digits, then 11-30 alphanumerics, optionally in groups of four split by spaces.
const IBAN_CANDIDATE = /\b[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){11,30}\b/g;

/** IBANs validated by country length and the mod-97 checksum (ibantools). */
export function findIbans(text: string): TFinding[] {
  const out: TFinding[] = [];
  for (const m of text.matchAll(IBAN_CANDIDATE)) {
    let candidate = m[0];
    // The greedy match may swallow a following word; shrink until the checksum holds.
    while (candidate.length >= 15) {
      const electronic = electronicFormatIBAN(candidate.toUpperCase());
      if (electronic && isValidIBAN(electronic)) {
        out.push({ type: "iban", start: m.index, end: m.index + candidate.length });
        break;
      }
      const cut = candidate.lastIndexOf(" ");
      if (cut < 0) break;
      candidate = candidate.slice(0, cut);
    }
  }
  return out;
}
