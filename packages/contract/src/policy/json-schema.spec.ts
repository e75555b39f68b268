import { describe, expect, it } from "vitest";
import Ajv from "ajv";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { BUILTIN_TEMPLATES } from "../templates/catalog";
import { policyConfigJsonSchema } from "./json-schema";

const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(policyConfigJsonSchema());
const guides = join(__dirname, "__fixtures__", "guides");

describe("policy config JSON Schema", () => {
  it("is the file published for editors (regenerate with `pnpm --filter @kt/contract schema:policy`)", () => {
    const published = readFileSync(join(__dirname, "..", "..", "schema", "policy-config.schema.json"), "utf8");
    expect(JSON.parse(published)).toEqual(policyConfigJsonSchema());
  });

  it.each(readdirSync(guides))("accepts the guide example %s", (file) => {
    expect(validate(parse(readFileSync(join(guides, file), "utf8"))), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(BUILTIN_TEMPLATES.map((t) => [t.id, t.yaml]))("accepts template %s", (_, yaml) => {
    expect(validate(parse(yaml)), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    ["unknown policy type", { policies: [{ name: "a", type: "cost-limit", monthly_limit: 1 }] }],
    ["negative limit", { policies: [{ name: "a", type: "cost_limit", monthly_limit: -1 }] }],
    ["limit as string", { policies: [{ name: "a", type: "cost_limit", monthly_limit: "1" }] }],
    ["field of another type", { policies: [{ name: "a", type: "cost_limit", monthly_limit: 1, min_score: 0.5 }] }],
    ["unknown top-level key", { polices: [] }],
    ["missing min_score", { policies: [{ name: "a", type: "quality-scorer" }] }],
    ["bad action", { policies: [{ name: "a", type: "prompt-injection", action: "deny" }] }],
  ])("rejects %s", (_, doc) => {
    expect(validate(doc)).toBe(false);
  });
});
