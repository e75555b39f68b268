import type { TRole } from "@kt/contract";
import type { Db } from "@kt/db";
import { forOrg } from "@kt/db";
import { newSecret } from "../common/crypto";
import { AuditService, type AuditActor } from "../modules/audit/audit.service";
import { hashPassword } from "../modules/auth/auth.service";
import { seedDemoGateway, type DemoGatewaySeed } from "../modules/gateways/demo-gateway.seed";

export const DEMO_ORG_SLUG = "demo";
export const DEMO_USERS: { role: TRole; email: string; name: string }[] = [
  { role: "admin", email: "admin@demo.kt", name: "Ada Admin (IT director)" },
  { role: "manager", email: "manager@demo.kt", name: "Max Manager" },
  { role: "finance", email: "finance@demo.kt", name: "Fiona Finance" },
  { role: "viewer", email: "viewer@demo.kt", name: "Vic Viewer" },
];
export const DEMO_TEAMS = ["Platform", "Data Science"];

export type DemoSeedResult = {
  orgId: string;
  users: { role: TRole; email: string; id: string }[];
  teams: { id: string; name: string }[];
  apiToken: string;
  /** The Platform team's managed gateway: its credential (for `kt gateway run --gateway-token`) and a demo key. */
  gateway: DemoGatewaySeed;
};

/**
 * The demo org, idempotent: users get the given password on every run, teams are created once,
 * and each run issues a fresh admin API token (revoking the previous demo tokens).
 */
export async function seedDemo(db: Db, password: string): Promise<DemoSeedResult> {
  const audit = new AuditService();
  const org = await db.org.upsert({
    where: { slug: DEMO_ORG_SLUG },
    update: {},
    create: { name: "Demo Org", slug: DEMO_ORG_SLUG },
  });
  const actor: AuditActor = {
    orgId: org.id,
    userId: "",
    actorLabel: "system (demo seed)",
    via: "jwt",
    requestId: "",
    ip: "",
  };
  const passwordHash = await hashPassword(password);
  const users: DemoSeedResult["users"] = [];
  for (const u of DEMO_USERS) {
    const user = await db.user.upsert({
      where: { email: u.email },
      update: { passwordHash },
      create: { email: u.email, name: u.name, passwordHash },
    });
    await db.membership.upsert({
      where: { orgId_userId: { orgId: org.id, userId: user.id } },
      update: { role: u.role },
      create: { orgId: org.id, userId: user.id, role: u.role },
    });
    users.push({ role: u.role, email: u.email, id: user.id });
  }
  const scoped = forOrg(db, org.id);
  const teams: DemoSeedResult["teams"] = [];
  for (const name of DEMO_TEAMS) {
    const existing = await scoped.team.findFirst({ where: { name } });
    const team =
      existing ??
      (await scoped.$transaction(async (tx) => {
        const t = await tx.team.create({ data: { orgId: org.id, name } });
        await audit.record(tx, actor, {
          action: "team.create",
          resourceType: "team",
          resourceId: t.id,
          after: { name },
        });
        return t;
      }));
    teams.push({ id: team.id, name: team.name });
  }
  const manager = users.find((u) => u.role === "manager")!;
  await scoped.teamMember.upsert({
    where: { teamId_userId: { teamId: teams[0].id, userId: manager.id } },
    update: {},
    create: { orgId: org.id, teamId: teams[0].id, userId: manager.id },
  });

  const admin = users.find((u) => u.role === "admin")!;
  const token = newSecret("kt_api_");
  await scoped.$transaction(async (tx) => {
    await tx.apiToken.updateMany({
      where: { name: { startsWith: "demo-" }, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const created = await tx.apiToken.create({
      data: {
        orgId: org.id,
        name: `demo-${new Date().toISOString()}`,
        prefix: token.displayPrefix,
        secretHash: token.hash,
        role: "admin",
        createdById: admin.id,
      },
    });
    await audit.record(tx, actor, {
      action: "api_token.create",
      resourceType: "api_token",
      resourceId: created.id,
      after: { name: created.name, role: "admin" },
    });
  });
  const gateway = await seedDemoGateway(db, {
    orgId: org.id,
    teamId: teams[0].id,
    createdById: admin.id,
    actor,
    audit,
  });
  return { orgId: org.id, users, teams, apiToken: token.secret, gateway };
}
