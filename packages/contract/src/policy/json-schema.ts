import { z } from "zod";
import { ZPolicyConfigSurface } from "./surface";

export const POLICY_CONFIG_SCHEMA_ID = "urn:kt:schema:policy-config";

/**
 * JSON Schema (draft-07, what YAML editors understand) of the policy config YAML, generated from the very
 * zod schema the linter validates with.
 */
export function policyConfigJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ZPolicyConfigSurface, { target: "draft-7", io: "input", unrepresentable: "any" });
  return { ...schema, $id: POLICY_CONFIG_SCHEMA_ID };
}
