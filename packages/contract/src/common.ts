import { z } from "zod";

export const ZId = z.uuid({ error: "must be a UUID" });

/** Relative (`30d`, `24h`, `90m`) or absolute (ISO 8601) time, as the CLI and API accept it. */
export const ZTimeSpec = z
  .string()
  .trim()
  .refine((v) => parseTimeSpec(v, new Date()) !== null, {
    error: "use a duration like 30d, 24h or 90m, or an ISO 8601 time such as 2026-11-01T00:00:00Z",
  });

/** Resolves a time spec against `now`; null when it is neither a duration nor a date. */
export function parseTimeSpec(value: string, now: Date): Date | null {
  const m = /^(\d+)\s*(s|m|h|d|w)$/.exec(value);
  if (m) {
    const unit = { s: 1e3, m: 60e3, h: 3600e3, d: 86400e3, w: 604800e3 }[m[2] as "s" | "m" | "h" | "d" | "w"];
    return new Date(now.getTime() - Number(m[1]) * unit);
  }
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

export const ZCursorQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(512).optional(),
});

export function ZPage<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** Whether text holds C0 control characters or DEL (tabs and newlines included). */
export function hasControlCharacters(v: string): boolean {
  return [...v].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
}

/** A name people type: trimmed, 1-120 characters, no control characters. */
export const ZName = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(120, "must be at most 120 characters")
  .refine((v) => !hasControlCharacters(v), { error: "must not contain control characters" })
  // Bidirectional overrides make a name display as something else (in the Console, the audit log).
  .refine((v) => !/[\u202a-\u202e\u2066-\u2069]/.test(v), {
    error: "must not contain bidirectional control characters (U+202A-U+202E, U+2066-U+2069)",
  });

export const ZIsoDate = z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time" });
