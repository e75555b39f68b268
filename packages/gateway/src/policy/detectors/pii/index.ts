import type { TPiiEntityType } from "@kt/contract";
import type { TFinding } from "../../types";
import { findCreditCards } from "./card";
import { findIbans } from "./iban";
import { findNames } from "./names";
import { findPhones } from "./phone";
import { findAddresses, findEmails, findFinancial, findIps, findSsns } from "./simple";

type TFinder = (text: string) => TFinding[];

/**
 * Finders in precedence order: when spans overlap, the earlier finder's span wins (a card number is not also
 * a phone number; an email's local part is not a name).
 */
const FINDERS: [TPiiEntityType, TFinder][] = [
  ["email", findEmails],
  ["iban", findIbans],
  ["credit_card", findCreditCards],
  ["ssn", findSsns],
  ["national_id", findSsns],
  ["ip_address", findIps],
  ["financial", findFinancial],
  ["phone", findPhones],
  ["address", findAddresses],
  ["name", findNames],
];

/** Finds the requested entity types; the result is sorted by start and free of overlaps. */
export function detectPii(text: string, types: ReadonlySet<TPiiEntityType>): TFinding[] {
  const taken: TFinding[] = [];
  const ran = new Set<TFinder>();
  for (const [type, finder] of FINDERS) {
    if (!types.has(type) || ran.has(finder)) continue;
    ran.add(finder);
    for (const f of finder(text)) {
      if (taken.some((t) => f.start < t.end && t.start < f.end)) continue;
      taken.push(f);
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}
