import type { PrismaClient } from "./generated/prisma/client";

/** Models whose rows belong to one org; every query on them is scoped by `forOrg`. */
export const TENANT_MODELS = new Set([
  "Membership",
  "Invite",
  "Team",
  "TeamMember",
  "ApiToken",
  "AuditEntry",
  "Gateway",
  "GatewayKey",
  "PolicyConfig",
  "PolicyConfigVersion",
  "Template",
  "ModelPrice",
  "Budget",
  "BudgetAlert",
  "Notification",
  "Webhook",
  "Escalation",
  "EscalationComment",
  "ExportJob",
]);

const WHERE_OPERATIONS = new Set([
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "delete",
  "deleteMany",
  "count",
  "aggregate",
  "groupBy",
]);

function scopeArgs(operation: string, args: any, orgId: string): any {
  const a = { ...(args ?? {}) };
  if (WHERE_OPERATIONS.has(operation)) a.where = { ...(a.where ?? {}), orgId };
  if (operation === "create") a.data = { ...a.data, orgId };
  if (operation === "createMany" || operation === "createManyAndReturn") {
    a.data = (Array.isArray(a.data) ? a.data : [a.data]).map((d: object) => ({ ...d, orgId }));
  }
  if (operation === "upsert") {
    a.where = { ...a.where, orgId };
    a.create = { ...a.create, orgId };
  }
  return a;
}

/**
 * A client whose every query on a tenant model carries `orgId`: reads and writes of another org's
 * rows find nothing, and creates are stamped with the org. Repositories only ever receive this.
 */
export function forOrg(db: PrismaClient, orgId: string) {
  if (!orgId) throw new Error("forOrg needs an org id");
  return db.$extends({
    name: `org:${orgId}`,
    query: {
      $allModels: {
        $allOperations({ model, operation, args, query }) {
          if (!TENANT_MODELS.has(model)) return query(args);
          return query(scopeArgs(operation, args, orgId));
        },
      },
    },
  });
}

export type OrgDb = ReturnType<typeof forOrg>;
/** The client inside `orgDb.$transaction(async (tx) => …)`: still scoped to the org. */
export type OrgTx = Parameters<Parameters<OrgDb["$transaction"]>[0]>[0];
