import type { NextFunction, Request, Response } from "express";
import { AppError } from "../errors/app-error";

const MAX_REPORTED = 10;

/** Why PostgreSQL could not store `s` faithfully, or null: it refuses NUL, and lone surrogates are not UTF-8. */
export function unsafeTextReason(s: string): string | null {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0) return "must not contain NUL characters (\\u0000)";
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return "must be valid Unicode: it holds an unpaired surrogate (\\ud800-\\udbff)";
    }
    if (c >= 0xdc00 && c <= 0xdfff)
      return "must be valid Unicode: it holds an unpaired surrogate (\\udc00-\\udfff)";
  }
  return null;
}

function collect(value: unknown, path: string, out: { path: string; message: string }[]): void {
  if (out.length >= MAX_REPORTED) return;
  if (typeof value === "string") {
    const reason = unsafeTextReason(value);
    if (reason) out.push({ path, message: reason });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => collect(v, `${path}.${i}`, out));
    return;
  }
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const keyReason = unsafeTextReason(k);
      if (keyReason)
        out.push({ path: `${path}.${JSON.stringify(k).slice(1, -1)}`, message: `field name ${keyReason}` });
      else collect(v, `${path}.${k}`, out);
    }
  }
}

/**
 * Refuses NUL characters and unpaired surrogates anywhere in the body or query string, naming each
 * field: otherwise they would fail deep in PostgreSQL as a 500, or be stored altered.
 */
export function rejectUnsafeText(req: Request, _res: Response, next: NextFunction): void {
  const issues: { path: string; message: string }[] = [];
  collect(req.body, "request", issues);
  // Query fields are named like body fields (`request.<name>`), as the validation errors name them.
  collect(req.query, "request", issues);
  if (issues.length === 0) return next();
  const summary = issues
    .slice(0, 5)
    .map((i) => `${i.path} ${i.message}`)
    .join("; ");
  next(new AppError("validation_failed", `Invalid request: ${summary}`, { issues }));
}
