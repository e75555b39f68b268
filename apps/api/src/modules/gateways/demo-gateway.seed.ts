import { contentHash, GATEWAY_KEY_PREFIX, parsePolicyConfig, renderTemplate } from "@kt/contract";
import { forOrg, type Db } from "@kt/db";
import { GATEWAY_CREDENTIAL_PREFIX } from "../../common/auth/gateway-credential.guard";
import { newSecret } from "../../common/crypto";
import type { AuditActor, AuditService } from "../audit/audit.service";

export const DEMO_TEMPLATE_ID = "demo-team-policy";
export const DEMO_GATEWAY_NAME = "demo-gateway";
export const DEMO_KEY_NAME = "demo-key";

export type DemoGatewaySeed = {
  id: string;
  name: string;
  /** `kt_gw_…`: what `kt gateway run --gateway-token` needs. */
  credential: string;
  /** `kt_gk_…`: what an application sends to the gateway. */
  key: { id: string; secret: string };
  policyConfig: { id: string; name: string; version: number };
};

type Input = { orgId: string; teamId: string; createdById: string; actor: AuditActor; audit: AuditService };

/**
 * The demo org's managed gateway, idempotent: the config built from the demo team policy template (a new version
 * when the template changed), the gateway "demo-gateway" running it, and a demo key. Each run issues a fresh
 * gateway credential and key (the previous ones stop working), since secrets are only ever shown once.
 */
export async function seedDemoGateway(db: Db, { orgId, teamId, createdById, actor, audit }: Input): Promise<DemoGatewaySeed> {
  const rendered = renderTemplate(DEMO_TEMPLATE_ID);
  const parsed = rendered ? parsePolicyConfig(rendered.yaml) : null;
  if (!rendered || !parsed?.config) throw new Error(`the built-in template ${DEMO_TEMPLATE_ID} is missing or does not lint`);
  const normalized = parsed.config;
  const credential = newSecret(GATEWAY_CREDENTIAL_PREFIX);
  const key = newSecret(GATEWAY_KEY_PREFIX);

  return forOrg(db, orgId).$transaction(async (tx) => {
    let config = await tx.policyConfig.findFirst({ where: { name: normalized.name } });
    if (!config) {
      config = await tx.policyConfig.create({ data: { orgId, name: normalized.name, description: "The guides' team policy on the demo provider", teamId } });
      await audit.record(tx, actor, { action: "policy_config.create", resourceType: "policy_config", resourceId: config.id, after: { name: config.name, teamId } });
    }
    const current = config.currentVersionId ? await tx.policyConfigVersion.findFirst({ where: { id: config.currentVersionId } }) : null;
    let version = current?.number ?? 0;
    if (current?.source !== rendered.yaml) {
      const last = await tx.policyConfigVersion.findFirst({ where: { configId: config.id }, orderBy: { number: "desc" } });
      const created = await tx.policyConfigVersion.create({
        data: {
          orgId,
          configId: config.id,
          number: (last?.number ?? 0) + 1,
          source: rendered.yaml,
          normalized,
          contentHash: contentHash(normalized),
          message: current ? "Demo seed: template updated" : "Demo seed",
          authorLabel: actor.actorLabel,
        },
      });
      await tx.policyConfig.update({ where: { id: config.id }, data: { currentVersionId: created.id, archivedAt: null } });
      await audit.record(tx, actor, {
        action: "policy_config.version.create",
        resourceType: "policy_config",
        resourceId: config.id,
        before: current ? { number: current.number, contentHash: current.contentHash, source: current.source } : null,
        after: { number: created.number, contentHash: created.contentHash, source: created.source },
      });
      version = created.number;
    }

    const gatewayData = { teamId, policyConfigId: config.id, credentialPrefix: credential.displayPrefix, credentialHash: credential.hash, archivedAt: null };
    const existing = await tx.gateway.findFirst({ where: { name: DEMO_GATEWAY_NAME } });
    const gateway = existing
      ? await tx.gateway.update({ where: { id: existing.id }, data: gatewayData })
      : await tx.gateway.create({ data: { orgId, name: DEMO_GATEWAY_NAME, environment: "demo", ...gatewayData } });
    await audit.record(tx, actor, {
      action: existing ? "gateway.credential.rotate" : "gateway.create",
      resourceType: "gateway",
      resourceId: gateway.id,
      after: { name: gateway.name, teamId, policyConfigId: config.id, credentialPrefix: credential.displayPrefix },
    });

    await tx.gatewayKey.updateMany({ where: { gatewayId: gateway.id, name: DEMO_KEY_NAME, revokedAt: null }, data: { revokedAt: new Date() } });
    const created = await tx.gatewayKey.create({
      data: { orgId, teamId, gatewayId: gateway.id, name: DEMO_KEY_NAME, prefix: key.displayPrefix, secretHash: key.hash, createdById },
    });
    await audit.record(tx, actor, { action: "gateway_key.create", resourceType: "gateway_key", resourceId: created.id, after: { name: DEMO_KEY_NAME, prefix: key.displayPrefix, teamId, gatewayId: gateway.id } });

    return {
      id: gateway.id,
      name: gateway.name,
      credential: credential.secret,
      key: { id: created.id, secret: key.secret },
      policyConfig: { id: config.id, name: config.name, version },
    };
  });
}
