import canonicalize from "canonicalize";
import { sha256 } from "../../common/crypto";

export const GENESIS_HASH = "0".repeat(64);

export type ChainedFields = {
  orgId: string;
  seq: number;
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  resourceType: string;
  resourceId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
  createdAt: Date;
  prevHash: string;
};

/** The hash of an entry covers every field and its predecessor's hash (RFC 8785 canonical JSON). */
export function entryHash(e: ChainedFields): string {
  const body = canonicalize({ ...e, createdAt: e.createdAt.toISOString(), before: e.before ?? null, after: e.after ?? null });
  return sha256(`${e.prevHash}\n${body}`);
}

/** Plain JSON (dates as ISO strings), so that what is hashed is exactly what jsonb gives back. */
export function toJsonValue(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
}
