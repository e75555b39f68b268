import type { z } from "zod";
import { POLICY_TYPES, type TPolicyType } from "./model";
import { describe, type LintContext } from "./lint-context";
import type { TPathSegment } from "./lint-issue";
import { isPolicyType } from "./policy-types";
import { POLICY_ENTRY_SCHEMAS, POLICY_SETTINGS_SCHEMAS, ZChainSurface } from "./surface";
import { suggest } from "./suggest";

type TSettings<T extends TPolicyType> = z.output<(typeof POLICY_SETTINGS_SCHEMAS)[T]>;
/** A policy whose type is known and whose fields passed the surface schema; `path` is where it is written. */
export type TLintedPolicy = { [T in TPolicyType]: { type: T; name: string; fields: TSettings<T>; path: TPathSegment[] } }[TPolicyType];

const isMapping = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function reportUnknownType(ctx: LintContext, type: unknown, path: TPathSegment[]): void {
  if (typeof type !== "string") {
    ctx.report({
      code: "wrong-field-type",
      message: `\`type\` must be a policy type name, got ${describe(type)}`,
      hint: `Use one of: ${POLICY_TYPES.join(", ")}`,
      path,
    });
    return;
  }
  ctx.report({
    code: "unknown-policy-type",
    message: `Unknown policy type \`${type}\``,
    hint: `Use a supported type: ${suggest(type, POLICY_TYPES)}`,
    path,
  });
}

function checkAs<T extends TPolicyType>(ctx: LintContext, type: T, name: string, raw: unknown, path: TPathSegment[], list: boolean) {
  const schema = list ? POLICY_ENTRY_SCHEMAS[type] : POLICY_SETTINGS_SCHEMAS[type];
  const fields = ctx.check(schema as z.ZodType, raw, path) as TSettings<T> | undefined;
  return fields ? ({ type, name, fields, path } as TLintedPolicy) : undefined;
}

function lintList(ctx: LintContext, entries: unknown[]): TLintedPolicy[] {
  const out: TLintedPolicy[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    const path: TPathSegment[] = ["policies", i];
    if (!isMapping(entry)) {
      ctx.report({
        code: "wrong-field-type",
        message: `Policy #${i + 1} must be a mapping, got ${describe(entry)}`,
        hint: "Write `- name: …` then `type:`, `action:`, … indented under it",
        path,
      });
      return;
    }
    const name = typeof entry.name === "string" ? entry.name : undefined;
    if (name !== undefined && seen.has(name)) {
      ctx.report({
        code: "duplicate-policy-name",
        message: `Policy name \`${name}\` is used twice`,
        hint: "Give each policy a unique name; events and reports refer to policies by name",
        path: [...path, "name"],
      });
    }
    if (name !== undefined) seen.add(name);
    if (entry.type === undefined) {
      ctx.report({
        code: "missing-field",
        message: `Policy ${name ? `\`${name}\`` : `#${i + 1}`} has no \`type\``,
        hint: `Add \`type:\` (one of ${POLICY_TYPES.join(", ")})`,
        path,
      });
      return;
    }
    if (!isPolicyType(entry.type)) return reportUnknownType(ctx, entry.type, [...path, "type"]);
    const linted = checkAs(ctx, entry.type, name ?? "", entry, path, true);
    if (linted) out.push(linted);
  });
  return out;
}

/**
 * `pack:` form: a chain entry names a `policy.<name>:` block carrying `type:`, or is itself a policy type
 * (then `policy.<type>:` holds its settings, or nothing at all when the type needs none).
 */
function lintChain(ctx: LintContext, rawPolicies: unknown, blocks: Record<string, unknown>): TLintedPolicy[] {
  const parsed = ctx.check(ZChainSurface, rawPolicies, ["policies"]);
  if (!parsed) return [];
  const out: TLintedPolicy[] = [];
  const seen = new Set<string>();
  parsed.chain.forEach((name, j) => {
    const chainPath: TPathSegment[] = ["policies", "chain", j];
    if (seen.has(name)) {
      ctx.report({ code: "duplicate-policy-name", message: `The chain lists \`${name}\` twice`, hint: "List each policy once", path: chainPath });
      return;
    }
    seen.add(name);
    const hasBlock = Object.hasOwn(blocks, name);
    const block = blocks[name] ?? {};
    const blockPath: TPathSegment[] = ["policy", name];
    if (!isMapping(block)) {
      ctx.report({
        code: "wrong-field-type",
        message: `\`policy.${name}\` must be a mapping of settings, got ${describe(block)}`,
        hint: "Indent the settings (`key: value`) under it",
        path: blockPath,
      });
      return;
    }
    let type: unknown = block.type;
    if (type !== undefined && !isPolicyType(type)) return reportUnknownType(ctx, type, [...blockPath, "type"]);
    if (type === undefined && isPolicyType(name)) type = name;
    if (type === undefined) {
      ctx.report(
        hasBlock
          ? {
              code: "missing-field",
              message: `\`policy.${name}\` has no \`type\`, and \`${name}\` is not a policy type`,
              hint: `Add \`type:\` (one of ${POLICY_TYPES.join(", ")})`,
              path: blockPath,
              atKey: true,
            }
          : {
              code: "chain-undefined-policy",
              message: `The chain names \`${name}\`, which is neither a defined policy nor a policy type`,
              hint: `Define \`policy.${name}:\` with a \`type:\`, or fix the name: ${suggest(name, [...Object.keys(blocks), ...POLICY_TYPES])}`,
              path: chainPath,
            },
      );
      return;
    }
    if (!hasBlock && !POLICY_SETTINGS_SCHEMAS[type as TPolicyType].safeParse({}).success) {
      const required = Object.entries(POLICY_SETTINGS_SCHEMAS[type as TPolicyType].shape)
        .filter(([, field]) => !(field as z.ZodType).safeParse(undefined).success)
        .map(([key]) => key);
      ctx.report({
        code: "missing-field",
        message: `\`${name}\` in the chain needs settings: ${required.join(", ")}`,
        hint: `Add a \`policy.${name}:\` block with ${required.map((k) => `\`${k}:\``).join(", ")}`,
        path: chainPath,
      });
      return;
    }
    const linted = checkAs(ctx, type as TPolicyType, name, block, hasBlock ? blockPath : chainPath, false);
    if (linted) out.push(linted);
  });
  for (const name of Object.keys(blocks)) {
    if (seen.has(name)) continue;
    ctx.warn({
      code: "unused-policy-settings",
      message: `\`policy.${name}\` is not in policies.chain, so it never runs`,
      hint: `Add \`${name}\` to policies.chain or remove the block`,
      path: ["policy", name],
      atKey: true,
    });
  }
  return out;
}

export function lintPolicies(ctx: LintContext, rawPolicies: unknown, rawBlocks: unknown): TLintedPolicy[] {
  let blocks: Record<string, unknown> = {};
  if (rawBlocks !== undefined && rawBlocks !== null) {
    if (isMapping(rawBlocks)) blocks = rawBlocks;
    else {
      ctx.report({
        code: "wrong-field-type",
        message: `\`policy\` must be a mapping of policy name → settings, got ${describe(rawBlocks)}`,
        hint: "Write `policy:` then one `<name>:` block per policy, indented",
        path: ["policy"],
      });
    }
  }
  if (Array.isArray(rawPolicies)) {
    for (const name of Object.keys(blocks)) {
      ctx.warn({
        code: "unused-policy-settings",
        message: `\`policy.${name}\` is ignored: a \`policies:\` list carries its settings in each entry`,
        hint: "Move these settings into the list entry, or use `policies: { chain: [...] }`",
        path: ["policy", name],
        atKey: true,
      });
    }
    return lintList(ctx, rawPolicies);
  }
  if (isMapping(rawPolicies)) return lintChain(ctx, rawPolicies, blocks);
  if (rawPolicies === undefined || rawPolicies === null) return lintChain(ctx, { chain: [] }, blocks);
  ctx.report({
    code: "wrong-field-type",
    message: `\`policies\` must be a list of policies or a mapping with \`chain\`, got ${describe(rawPolicies)}`,
    hint: "Write `policies:` then `- name: …` entries, or `policies: { chain: [a, b] }` with a `policy:` block",
    path: ["policies"],
  });
  return [];
}
