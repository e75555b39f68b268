import { Injectable } from "@nestjs/common";
import { canonicalPolicyJson, ZNormalizedPolicyConfig, type TPolicyConfigDiff, type TPolicyConfigVersion } from "@kt/contract";
import { createTwoFilesPatch } from "diff";
import type { AuthContext } from "../../common/auth/auth-context";
import { DbService } from "../../common/db/db.module";
import { AppError } from "../../common/errors/app-error";
import { toVersion, toVersionSummary } from "./policy-config.presenter";
import { PolicyConfigsRepository } from "./policy-configs.repository";

/** Reads of a config's immutable versions: list, one version, and diffs between two. */
@Injectable()
export class PolicyConfigHistoryService {
  constructor(
    private readonly db: DbService,
    private readonly configs: PolicyConfigsRepository,
  ) {}

  async versions(ctx: AuthContext, id: string, limit: number, cursor?: string) {
    const db = this.db.forOrg(ctx.orgId);
    if (!(await this.configs.find(db, id))) throw AppError.notFound("Policy config");
    const rows = await this.configs.versions(db, id, cursor ? Number(cursor) : undefined, limit + 1);
    const items = rows.slice(0, limit).map(toVersionSummary);
    return { items, nextCursor: rows.length > limit ? String(items[items.length - 1].number) : null };
  }

  async version(ctx: AuthContext, id: string, number: number): Promise<TPolicyConfigVersion> {
    const db = this.db.forOrg(ctx.orgId);
    const config = await this.configs.find(db, id);
    if (!config) throw AppError.notFound("Policy config");
    const version = await this.configs.version(db, id, number);
    if (!version) throw AppError.notFound(`Version ${number} of policy config "${config.name}"`);
    return toVersion(version);
  }

  /** Unified diffs from version `from` to version `to`: of the YAML as saved, and of the normalised model. */
  async diff(ctx: AuthContext, id: string, from: number, to: number): Promise<TPolicyConfigDiff> {
    const db = this.db.forOrg(ctx.orgId);
    const config = await this.configs.find(db, id);
    if (!config) throw AppError.notFound("Policy config");
    const [a, b] = await Promise.all([this.configs.version(db, id, from), this.configs.version(db, id, to)]);
    if (!a) throw AppError.notFound(`Version ${from} of policy config "${config.name}"`);
    if (!b) throw AppError.notFound(`Version ${to} of policy config "${config.name}"`);
    const file = `${config.name}.yaml`;
    return {
      from: toVersionSummary(a),
      to: toVersionSummary(b),
      sourceDiff: createTwoFilesPatch(file, file, a.source, b.source, `version ${from}`, `version ${to}`),
      normalizedDiff: createTwoFilesPatch(`${config.name}.json`, `${config.name}.json`, prettyModel(a.normalized), prettyModel(b.normalized), `version ${from}`, `version ${to}`),
      sameContent: a.contentHash === b.contentHash,
    };
  }
}

/** The normalised model as indented JSON with sorted keys, so that the diff shows meaning, not key order. */
function prettyModel(normalized: unknown): string {
  return `${JSON.stringify(JSON.parse(canonicalPolicyJson(ZNormalizedPolicyConfig.parse(normalized))), null, 2)}\n`;
}
