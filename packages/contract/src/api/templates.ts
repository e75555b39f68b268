import { z } from "zod";
import { ZId, ZName } from "../common";
import { ZLintIssue } from "../policy/lint-issue";
import { ZNormalizedPolicyConfig } from "../policy/model";
import { ZPolicyTemplate, ZTemplateCategory } from "../templates/catalog";
import { ZTemplateOverrides } from "../templates/render";
import { ZPolicyYaml } from "./policy-configs";

/** A catalog entry: built-in (id is a slug such as `team-budget`) or org-defined (id is a UUID). */
export const ZTemplate = ZPolicyTemplate.extend({
  createdAt: z.string().nullable(),
  createdById: z.string().nullable(),
});
export type TTemplate = z.infer<typeof ZTemplate>;

export const ZTemplateList = z.object({ items: z.array(ZTemplate) });

export const ZListTemplatesQuery = z.object({
  origin: z.enum(["builtin", "org", "all"]).default("all"),
  category: ZTemplateCategory.optional(),
});
export type TListTemplatesQuery = z.infer<typeof ZListTemplatesQuery>;

/** `:id` of a template route: a built-in slug or an org template's UUID. */
export const ZTemplateId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, "must be a template id such as team-budget or a UUID");

export const ZCreateTemplate = z.object({
  name: ZName,
  description: z.string().trim().min(1, "say what the template does").max(2000),
  whenToUse: z.string().max(2000).default(""),
  yaml: ZPolicyYaml,
});
export type TCreateTemplate = z.input<typeof ZCreateTemplate>;

export const ZUpdateTemplate = z
  .object({
    name: ZName.optional(),
    description: z.string().trim().min(1).max(2000).optional(),
    whenToUse: z.string().max(2000).optional(),
    yaml: ZPolicyYaml.optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { error: "give at least one field to change" });
export type TUpdateTemplate = z.infer<typeof ZUpdateTemplate>;

export const ZRenderTemplateRequest = z.object({ overrides: ZTemplateOverrides.default({}) });
/** Preview of a template with overrides: the YAML it makes and what the linter says about it. */
export const ZTemplatePreview = z.object({
  templateId: z.string(),
  yaml: z.string(),
  valid: z.boolean(),
  issues: z.array(ZLintIssue),
  config: ZNormalizedPolicyConfig.nullable(),
  unusedOverrides: z.array(z.string()),
});
export type TTemplatePreview = z.infer<typeof ZTemplatePreview>;

/** `POST /v1/templates/:id/configs`: a new policy config whose first version is the rendered template. */
export const ZCreateConfigFromTemplate = z.object({
  name: ZName,
  description: z.string().max(2000).optional(),
  teamId: ZId.nullable().optional(),
  overrides: ZTemplateOverrides.default({}),
  message: z.string().max(2000).optional(),
});
export type TCreateConfigFromTemplate = z.input<typeof ZCreateConfigFromTemplate>;
