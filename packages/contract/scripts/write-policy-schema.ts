/** Writes the policy config JSON Schema for editors: `pnpm --filter @kt/contract schema:policy`. */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { policyConfigJsonSchema } from "../src/policy/json-schema";

const target = fileURLToPath(new URL("../schema/policy-config.schema.json", import.meta.url));
writeFileSync(target, `${JSON.stringify(policyConfigJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
