import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";
import canonicalize from "canonicalize";
import { ZNormalizedPolicyConfig, type TNormalizedPolicyConfig } from "./model";

/** RFC 8785 canonical JSON of the normalised model (defaults filled, keys sorted). */
export function canonicalPolicyJson(config: TNormalizedPolicyConfig): string {
  return canonicalize(ZNormalizedPolicyConfig.parse(config)) ?? "null";
}

/**
 * SHA-256 (hex) of the canonical JSON of the normalised model: two YAML files that mean the same
 * (other form, order of keys, comments, defaults spelled out or not) hash the same. Sync, and runs in browsers.
 */
export function contentHash(config: TNormalizedPolicyConfig): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalPolicyJson(config))));
}
