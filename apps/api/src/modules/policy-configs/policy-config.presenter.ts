import {
  hasLintErrors,
  ZNormalizedPolicyConfig,
  type TLintIssue,
  type TPolicyConfig,
  type TPolicyConfigVersion,
  type TPolicyConfigVersionSummary,
} from "@kt/contract";
import { AppError } from "../../common/errors/app-error";

type ConfigRow = { id: string; name: string; description: string; teamId: string | null; archivedAt: Date | null; createdAt: Date; updatedAt: Date };
type VersionSummaryRow = {
  id: string;
  configId: string;
  number: number;
  contentHash: string;
  message: string;
  commitSha: string | null;
  authorId: string | null;
  authorLabel: string;
  createdAt: Date;
};
type VersionRow = VersionSummaryRow & { source: string; normalized: unknown };

export function toVersionSummary(v: VersionSummaryRow): TPolicyConfigVersionSummary {
  return {
    id: v.id,
    configId: v.configId,
    number: v.number,
    contentHash: v.contentHash,
    message: v.message,
    commitSha: v.commitSha,
    authorId: v.authorId,
    authorLabel: v.authorLabel,
    createdAt: v.createdAt.toISOString(),
  };
}

export function toVersion(v: VersionRow): TPolicyConfigVersion {
  return { ...toVersionSummary(v), source: v.source, normalized: ZNormalizedPolicyConfig.parse(v.normalized) };
}

export function toConfig(c: ConfigRow, current: VersionSummaryRow | null, gatewayCount: number): TPolicyConfig {
  return {
    id: c.id,
    name: c.name,
    description: c.description,
    teamId: c.teamId,
    currentVersion: current ? toVersionSummary(current) : null,
    gatewayCount,
    archived: c.archivedAt !== null,
    archivedAt: c.archivedAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a version: enough to show a before/after comparison. */
export function versionAuditView(v: VersionRow | null) {
  if (!v) return null;
  return { number: v.number, contentHash: v.contentHash, message: v.message, commitSha: v.commitSha, source: v.source };
}

/** 422 naming every error with its line and column; the issues are in `details.issues`. */
export function policyInvalid(issues: TLintIssue[]): AppError {
  const errors = issues.filter((i) => i.severity === "error");
  const first = errors.slice(0, 3).map((i) => `line ${i.line}:${i.column} ${i.message}`);
  const more = errors.length > 3 ? `; and ${errors.length - 3} more` : "";
  return new AppError("policy_invalid", `The policy config has ${errors.length} error(s): ${first.join("; ")}${more}`, { issues });
}

export { hasLintErrors };
