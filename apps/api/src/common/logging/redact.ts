/** Headers whose values never reach a log line. */
export const REDACTED_PATHS = [
  "req.headers.authorization",
  'req.headers["proxy-authorization"]',
  "req.headers.cookie",
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
];

// kt's own secrets have recognisable prefixes; JWTs start with the base64 of `{"`.
const SECRET_PATTERNS: [RegExp, string][] = [
  [/\b(kt_[a-z]{2,4}_)[A-Za-z0-9_-]{8,}/g, "$1[redacted]"],
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/g, "[redacted-jwt]"],
];

/** Masks anything that looks like a kt secret or a JWT, e.g. one pasted into a URL by mistake. */
export function scrubSecrets(text: string): string {
  return SECRET_PATTERNS.reduce((t, [pattern, replacement]) => t.replace(pattern, replacement), text);
}

type SerializedReq = { url?: string; query?: Record<string, unknown>; [key: string]: unknown };

/** pino-http's request serializer, minus secrets in the URL and query string. */
export function scrubRequest(req: SerializedReq): SerializedReq {
  const query =
    req.query &&
    Object.fromEntries(
      Object.entries(req.query).map(([k, v]) => [k, typeof v === "string" ? scrubSecrets(v) : v]),
    );
  return { ...req, url: req.url && scrubSecrets(req.url), query };
}
