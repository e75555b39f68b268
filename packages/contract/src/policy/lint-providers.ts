import { z } from "zod";
import { PROVIDER_KINDS, type TProviderKind, type TProviderTarget } from "./model";
import type { LintContext } from "./lint-context";
import { describe } from "./lint-context";
import type { TPathSegment } from "./lint-issue";
import { ZProviderBlockSurface, ZProviderTargetSurface, ZProvidersSurface } from "./surface";
import { suggest } from "./suggest";

export type TLintedProviders = { targets: TProviderTarget[]; defaultTarget?: string };

const ZProvidersShell = ZProvidersSurface.extend({ targets: z.array(z.unknown()) });
const ZTargetShell = ZProviderTargetSurface.extend({ provider: z.unknown().optional() });
const NEEDS_SECRET: readonly TProviderKind[] = ["openai", "anthropic", "azure-openai"];

function isKind(value: string): value is TProviderKind {
  return (PROVIDER_KINDS as readonly string[]).includes(value);
}

/**
 * A target names its provider either as a scalar (`provider: openai`) or, as in the guides, with a
 * `provider:` block holding the connection settings, in which case the kind is `provider.kind` or the target id.
 */
function lintTarget(ctx: LintContext, raw: unknown, path: TPathSegment[]): TProviderTarget | undefined {
  const target = ctx.check(ZTargetShell, raw, path);
  if (!target) return undefined;
  const provider = target.provider;
  const providerPath = [...path, "provider"];
  let block: z.output<typeof ZProviderBlockSurface> = {};
  let kindText: string | undefined;
  let kindPath = providerPath;
  if (typeof provider === "string") kindText = provider;
  else if (provider !== null && provider !== undefined) {
    if (typeof provider !== "object" || Array.isArray(provider)) {
      ctx.report({
        code: "wrong-field-type",
        message: `\`provider\` must be a provider name or a mapping, got ${describe(provider)}`,
        hint: `Write e.g. \`provider: openai\` (one of ${PROVIDER_KINDS.join(", ")})`,
        path: providerPath,
      });
      return undefined;
    }
    const checked = ctx.check(ZProviderBlockSurface, provider, providerPath);
    if (!checked) return undefined;
    block = checked;
    kindText = block.kind;
    if (kindText !== undefined) kindPath = [...providerPath, "kind"];
  }
  if (kindText === undefined) {
    if (!isKind(target.id)) {
      ctx.report({
        code: "missing-field",
        message: `Target \`${target.id}\` does not say which provider it is`,
        hint: `Add \`provider: <${PROVIDER_KINDS.join(" | ")}>\` (the kind defaults to the id only when the id is one of them)`,
        path,
      });
      return undefined;
    }
    kindText = target.id;
  }
  if (!isKind(kindText)) {
    ctx.report({
      code: "unknown-provider",
      message: `Unknown provider \`${kindText}\` for target \`${target.id}\``,
      hint: `Use a supported provider: ${suggest(kindText, PROVIDER_KINDS)}`,
      path: kindPath,
    });
    return undefined;
  }
  const merged = { ...block, ...dropUndefined(target) };
  if (kindText === "azure-openai" && !merged.base_url) {
    ctx.report({
      code: "missing-base-url",
      message: `Azure OpenAI target \`${target.id}\` has no base_url`,
      hint: "Add `base_url: https://<your-instance>.openai.azure.com`",
      path,
    });
  }
  if (NEEDS_SECRET.includes(kindText) && !merged.secret_key_ref) {
    ctx.warn({
      code: "missing-secret-ref",
      message: `Target \`${target.id}\` has no secret_key_ref: requests to ${kindText} will be unauthenticated`,
      hint: "Add `secret_key_ref: { env: <ENV_VAR_HOLDING_THE_KEY> }`",
      path,
    });
  }
  return {
    id: target.id,
    provider: kindText,
    baseUrl: merged.base_url,
    secretEnv: merged.secret_key_ref?.env,
    models: merged.models ?? [],
    timeoutMs: merged.timeout_ms ?? 60_000,
    apiVersion: merged.api_version,
    deployments: merged.deployments ?? {},
  };
}

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}

export function lintProviders(ctx: LintContext, raw: unknown): TLintedProviders {
  if (raw === undefined) return { targets: [] };
  const providers = ctx.check(ZProvidersShell, raw, ["providers"]);
  if (!providers) return { targets: [] };
  const targets: TProviderTarget[] = [];
  const seen = new Set<string>();
  providers.targets.forEach((rawTarget, i) => {
    const path: TPathSegment[] = ["providers", "targets", i];
    const target = lintTarget(ctx, rawTarget, path);
    if (!target) {
      // Still a defined id for providers.default: its own error is reported already.
      const id = (rawTarget as { id?: unknown } | null)?.id;
      if (typeof id === "string") seen.add(id);
      return;
    }
    if (seen.has(target.id)) {
      ctx.report({
        code: "duplicate-target-id",
        message: `Provider target id \`${target.id}\` is used twice`,
        hint: "Give each target a unique id",
        path: [...path, "id"],
      });
      return;
    }
    seen.add(target.id);
    targets.push(target);
  });
  const defaultTarget = providers.default;
  if (defaultTarget !== undefined && !seen.has(defaultTarget)) {
    ctx.report({
      code: "undefined-target",
      message: `providers.default names \`${defaultTarget}\`, which is not a target`,
      hint: seen.size ? `Use a defined target id: ${suggest(defaultTarget, [...seen])}` : "Define it under providers.targets",
      path: ["providers", "default"],
    });
  }
  return { targets, defaultTarget };
}
