import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A random secret with a recognisable prefix, e.g. `kt_api_…`; 32 random bytes. */
export function newSecret(prefix: string): { secret: string; displayPrefix: string; hash: string } {
  const body = randomBytes(32).toString("base64url");
  const secret = `${prefix}${body}`;
  return { secret, displayPrefix: `${prefix}${body.slice(0, 6)}`, hash: sha256(secret) };
}

/** Random 256-bit secrets need no slow hash: SHA-256 lets them be looked up by hash. */
export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
