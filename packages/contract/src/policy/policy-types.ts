import { CONTENT_CATEGORIES, PII_ENTITY_TYPES, POLICY_TYPES, type TContentCategory, type TPiiEntityType, type TPolicyAction, type TPolicyType } from "./model";

export function isPolicyType(value: unknown): value is TPolicyType {
  return typeof value === "string" && (POLICY_TYPES as readonly string[]).includes(value);
}

/** The action a policy takes when the YAML leaves `action` out. */
export const DEFAULT_ACTION: Record<TPolicyType, TPolicyAction> = {
  "pii-detector": "redact",
  "prompt-injection": "block",
  "content-filter": "block",
  "dlp-filter": "block",
  "quality-scorer": "escalate",
  cost_limit: "block",
  "model-allowlist": "block",
  "audit-logger": "log",
};

/** Only these types find spans in the text that can be masked. */
export const REDACTING_TYPES: readonly TPolicyType[] = ["pii-detector", "dlp-filter"];

const ENTITY_ALIASES: Record<string, TPiiEntityType> = {
  person: "name",
  person_name: "name",
  full_name: "name",
  email_address: "email",
  phone_number: "phone",
  telephone: "phone",
  creditcard: "credit_card",
  credit_card_number: "credit_card",
  card_number: "credit_card",
  bank_account: "iban",
  social_security_number: "ssn",
  ip: "ip_address",
  postal_address: "address",
  financial_info: "financial",
};

const key = (s: string) => s.trim().toLowerCase().replace(/[\s-]+/g, "_");

/** The guides' entity types (name, email, phone, financial) and common spellings → the model's. */
export function resolveEntityType(value: string): TPiiEntityType | undefined {
  const k = key(value);
  if ((PII_ENTITY_TYPES as readonly string[]).includes(k)) return k as TPiiEntityType;
  return ENTITY_ALIASES[k];
}

export function resolveContentCategory(value: string): TContentCategory | undefined {
  const k = key(value).replace(/_/g, "-");
  if (k === "selfharm") return "self-harm";
  return (CONTENT_CATEGORIES as readonly string[]).includes(k) ? (k as TContentCategory) : undefined;
}
