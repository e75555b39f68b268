import type { TFinding } from "../types";
import { charTable, forEachLongRun } from "./char-runs";

/**
 * `cue`: a literal (case-sensitive) or a pattern that every match of `re` contains, chosen to start with a rare
 * character where one can. Testing it is one fast scan; on text without it, `re` cannot match and is not run.
 */
type TSecretRule = { id: string; cue: string | RegExp; re: RegExp };

/**
 * Credential shapes after the public gitleaks rule set (prefixes and lengths the issuers document). Kept inline
 * rather than loading a scanner package: the chain runs on every request and must stay well under a millisecond.
 */
const RULES: TSecretRule[] = [
  { id: "aws-access-key-id", cue: /A(?:KI|SI|BI|CC)A/, re: /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\b/g },
  {
    id: "aws-secret-access-key",
    cue: /aws/i,
    re: /\baws.{0,20}?(?:secret|key).{0,20}?['"=:\s]\s*([A-Za-z0-9/+=]{40})\b/gi,
  },
  { id: "gcp-api-key", cue: "AIza", re: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  { id: "gcp-service-account", cue: "_account", re: /"type"\s*:\s*"service_account"/g },
  { id: "azure-storage-key", cue: "AccountKey=", re: /\bAccountKey=[A-Za-z0-9+/=]{80,90}/g },
  { id: "github-token", cue: /gh[pousr]_/, re: /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}\b/g },
  { id: "github-fine-grained-token", cue: "_pat_", re: /\bgithub_pat_[A-Za-z0-9_]{82}\b/g },
  { id: "gitlab-token", cue: "glpat-", re: /\bglpat-[A-Za-z0-9_-]{20}\b/g },
  { id: "bitbucket-app-password", cue: "ATBB", re: /\bATBB[A-Za-z0-9_=.-]{28,}\b/g },
  {
    id: "openai-api-key",
    cue: "sk-",
    re: /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}\b|\bsk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,}\b/g,
  },
  { id: "anthropic-api-key", cue: "-ant-", re: /\bsk-ant-(?:api|admin)\d{2}-[A-Za-z0-9_-]{80,}\b/g },
  { id: "huggingface-token", cue: "hf_", re: /\bhf_[A-Za-z]{34}\b/g },
  { id: "kt-gateway-key", cue: "kt_gk_", re: /\bkt_gk_[A-Za-z0-9_-]{20,}\b/g },
  { id: "slack-token", cue: "xox", re: /\bxox[baprs]-[0-9A-Za-z-]{10,}\b/g },
  { id: "stripe-secret-key", cue: /k_(?:live|test)_/, re: /\b(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{24,}\b/g },
  { id: "twilio-api-key", cue: "SK", re: /\bSK[0-9a-f]{32}\b/g },
  { id: "sendgrid-api-key", cue: "SG.", re: /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b/g },
  { id: "npm-token", cue: "npm_", re: /\bnpm_[A-Za-z0-9]{36}\b/g },
  {
    id: "private-key",
    cue: "-----BEGIN ",
    re: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY( BLOCK)?-----[\s\S]*?(?:-----END[^-]*-----|$)/g,
  },
  { id: "jwt", cue: ".eyJ", re: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{10,}\b/g },
  {
    id: "connection-string",
    cue: "://",
    re: /\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|redis|rediss|amqps?|mssql|sqlserver):\/\/[^\s:@/]+:[^\s@/]+@[^\s'"]+/gi,
  },
  {
    id: "password-assignment",
    cue: /[dtyn]\s*[:=]/i, // the last letter of each keyword
    re: /\b(?:password|passwd|pwd|secret|api[_-]?key|access[_-]?token|auth[_-]?token|client[_-]?secret)\b\s*[:=]\s*['"]?([^\s'"]{8,})/gi,
  },
];

// Characters of a high-entropy candidate: letters, digits and + / _ = -.
const TOKEN_CHAR = charTable("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_=-");
const MIN_CANDIDATE = 32;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const charCounts = new Int32Array(128);

/** Bits per character. Tokens are ASCII (candidate characters only); sums in first-occurrence order. */
function shannonEntropy(token: string): number {
  const order: number[] = [];
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (charCounts[c]++ === 0) order.push(c);
  }
  let h = 0;
  for (const c of order) {
    const p = charCounts[c] / token.length;
    h -= p * Math.log2(p);
    charCounts[c] = 0;
  }
  return h;
}

/**
 * Random-looking tokens: mixed case and digits with high entropy. Pure hex (commit hashes, digests), UUIDs and
 * dashed words are left alone: they are identifiers, not secrets.
 */
function findHighEntropy(text: string): TFinding[] {
  const out: TFinding[] = [];
  forEachLongRun(text, TOKEN_CHAR, MIN_CANDIDATE, (start, end) => {
    const token = text.slice(start, end);
    if (UUID.test(token) || /^[0-9a-f-]+$/i.test(token) || /^[A-Za-z-]+$/.test(token)) return;
    if (!/[a-z]/.test(token) || !/[A-Z]/.test(token) || !/\d/.test(token)) return;
    if (shannonEntropy(token) < 4.3) return;
    out.push({ type: "secret", start, end, rule: "high-entropy-string" });
  });
  return out;
}

// Prose seldom has an underscore: one look for it rules out every cue that has one.
const CUE_HAS_UNDERSCORE = RULES.map((rule) =>
  (typeof rule.cue === "string" ? rule.cue : rule.cue.source).includes("_"),
);

export function findSecrets(text: string): TFinding[] {
  const out: TFinding[] = [];
  const underscore = text.includes("_");
  for (let i = 0; i < RULES.length; i++) {
    const rule = RULES[i];
    if (CUE_HAS_UNDERSCORE[i] && !underscore) continue;
    if (typeof rule.cue === "string" ? !text.includes(rule.cue) : !rule.cue.test(text)) continue;
    for (const m of text.matchAll(rule.re)) {
      if (out.some((f) => m.index < f.end && f.start < m.index + m[0].length)) continue;
      out.push({ type: "secret", start: m.index, end: m.index + m[0].length, rule: rule.id });
    }
  }
  for (const f of findHighEntropy(text))
    if (!out.some((o) => f.start < o.end && o.start < f.end)) out.push(f);
  return out.sort((a, b) => a.start - b.start);
}
