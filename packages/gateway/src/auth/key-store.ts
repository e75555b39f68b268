import { hash, timingSafeEqual } from "node:crypto";
import { GATEWAY_KEY_PREFIX, type TGatewayKeyRecord } from "@kt/contract";

export type TKeyCheck =
  | { ok: true; key: TGatewayKeyRecord }
  | { ok: false; reason: "missing" | "malformed" | "unknown" | "revoked" | "expired" };

// One-shot hash: no Hash object per call (it runs on every request).
export const sha256Hex = (s: string) => hash("sha256", s, "hex");

/**
 * The key set in force. Secrets are never held: a presented key is hashed and looked up by its SHA-256, then
 * the digests are compared in constant time.
 */
export class KeyStore {
  private readonly byHash = new Map<string, TGatewayKeyRecord>();

  constructor(keys: TGatewayKeyRecord[]) {
    for (const k of keys) this.byHash.set(k.secretHash, k);
  }

  get size(): number {
    return this.byHash.size;
  }

  check(authorization: string | undefined, now = Date.now()): TKeyCheck {
    if (!authorization) return { ok: false, reason: "missing" };
    const m = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!m) return { ok: false, reason: "malformed" };
    const secret = m[1];
    if (!secret.startsWith(GATEWAY_KEY_PREFIX)) return { ok: false, reason: "malformed" };
    const digest = sha256Hex(secret);
    const key = this.byHash.get(digest);
    if (!key || !timingSafeEqual(Buffer.from(digest, "hex"), Buffer.from(key.secretHash, "hex"))) return { ok: false, reason: "unknown" };
    if (key.revokedAt && Date.parse(key.revokedAt) <= now) return { ok: false, reason: "revoked" };
    if (key.expiresAt && Date.parse(key.expiresAt) <= now) return { ok: false, reason: "expired" };
    return { ok: true, key };
  }
}
