import { ZAuditLogPage, ZAuditVerifyResult, type TAuditEntry } from "@kt/contract";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createOrg, startApi, type TestApi, type TestOrg } from "../../../test/harness";
import { createConfig, createTeam, policyYaml, registerGateway } from "../../gateways/__tests__/control-plane.fixtures";

/** Runs SQL as the database superuser, outside the app: what an attacker with database access could do. */
async function asSuperuser(sql: string[], params: unknown[][] = []) {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  try {
    await client.query("BEGIN");
    for (const [i, q] of sql.entries()) await client.query(q, params[i] ?? []);
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
}

const withTriggerOff = (statement: string) => [
  "ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only",
  statement,
  "ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_append_only",
];

/** An org with a few audited changes of different kinds. */
async function busyOrg(api: TestApi, label: string) {
  const org = await createOrg(api, label);
  const team = await createTeam(org, "Platform");
  const config = await createConfig(org.as.admin, { name: "cfg" });
  await org.as.admin.post(`/v1/policy-configs/${config.id}/versions`, { yaml: policyYaml(5), message: "tune" });
  const gateway = await registerGateway(org.as.admin, { name: "gw", teamId: team.id, policyConfigId: config.id });
  return { org, team, config, gateway };
}

async function allEntries(org: TestOrg, query = ""): Promise<TAuditEntry[]> {
  const items: TAuditEntry[] = [];
  let cursor: string | null = null;
  do {
    const res = await org.as.admin.get(`/v1/audit-log?limit=2${query}${cursor ? `&cursor=${cursor}` : ""}`);
    expect(res.status).toBe(200);
    const page = ZAuditLogPage.parse(res.body);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

describe("audit log", () => {
  let api: TestApi;
  let a: Awaited<ReturnType<typeof busyOrg>>;
  let b: Awaited<ReturnType<typeof busyOrg>>;
  beforeAll(async () => {
    api = await startApi();
    [a, b] = await Promise.all([busyOrg(api, "audit-a"), busyOrg(api, "audit-b")]);
  });
  afterAll(() => api?.close());

  it("pages through every entry of the org, newest first, without repeats", async () => {
    const entries = await allEntries(a.org);
    const seqs = entries.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => y - x));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs[seqs.length - 1]).toBe(1);
    const count = await api.db.auditEntry.count({ where: { orgId: a.org.orgId } });
    expect(entries).toHaveLength(count);
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(["team.create", "policy_config.create", "policy_config.version.create", "gateway.create"]));
    expect(entries.every((e) => !e.resourceId || e.resourceId !== b.gateway.id)).toBe(true);
  });

  it("filters by action (exact or prefix), resource, actor and time", async () => {
    const exact = await allEntries(a.org, "&action=policy_config.version.create");
    expect(exact.map((e) => e.resourceId)).toEqual([a.config.id]);
    expect(exact[0].before).toMatchObject({ number: 1 });
    expect(exact[0].after).toMatchObject({ number: 2, source: policyYaml(5) });
    const prefix = await allEntries(a.org, "&action=policy_config.*");
    expect(prefix.map((e) => e.action).sort()).toEqual(["policy_config.create", "policy_config.version.create"]);
    const resource = await allEntries(a.org, `&resourceType=gateway&resourceId=${a.gateway.id}`);
    expect(resource.map((e) => e.action)).toEqual(["gateway.create"]);
    const byId = await allEntries(a.org, `&actor=${a.org.users.admin.id}`);
    const byEmail = await allEntries(a.org, `&actor=${encodeURIComponent(a.org.users.admin.email.toUpperCase())}`);
    expect(byEmail.map((e) => e.id)).toEqual(byId.map((e) => e.id));
    expect(byId.length).toBeGreaterThan(3);
    expect(await allEntries(a.org, "&actor=nobody-at-all")).toEqual([]);
    expect(await allEntries(a.org, "&since=2020-01-01T00:00:00Z&until=2020-02-01T00:00:00Z")).toEqual([]);
    expect((await allEntries(a.org, "&since=1h")).length).toBeGreaterThan(3);
    expect((await a.org.as.admin.get("/v1/audit-log?since=2030-01-01T00:00:00Z&until=2020-01-01T00:00:00Z")).status).toBe(400);
    const badSince = await a.org.as.admin.get("/v1/audit-log?since=yesterday");
    expect(badSince.status).toBe(400);
    expect(badSince.body.error.details.issues[0].path).toBe("request.since");
    // Another org's resource ids find nothing here.
    expect(await allEntries(a.org, `&resourceId=${b.gateway.id}`)).toEqual([]);
  });

  it("is for admins only (403 to the other roles)", async () => {
    for (const role of ["manager", "finance", "viewer"] as const) {
      expect((await a.org.as[role].get("/v1/audit-log")).status).toBe(403);
      expect((await a.org.as[role].get("/v1/audit-log/verify")).status).toBe(403);
    }
  });

  it("verifies an intact chain up to its head", async () => {
    const res = ZAuditVerifyResult.parse((await a.org.as.admin.get("/v1/audit-log/verify")).body);
    const last = await api.db.auditEntry.findFirstOrThrow({ where: { orgId: a.org.orgId }, orderBy: { seq: "desc" } });
    expect(res).toEqual({ ok: true, checked: last.seq, headHash: last.hash, firstBroken: null });
  });

  it("refuses UPDATE and DELETE of entries through the app's own connection", async () => {
    const entry = await api.db.auditEntry.findFirstOrThrow({ where: { orgId: a.org.orgId } });
    await expect(api.db.$executeRaw`UPDATE audit_entries SET action = 'x' WHERE id = ${entry.id}::uuid`).rejects.toThrow(/append-only/);
    await expect(api.db.$executeRaw`DELETE FROM audit_entries WHERE id = ${entry.id}::uuid`).rejects.toThrow(/append-only/);
    await expect(api.db.auditEntry.update({ where: { id: entry.id }, data: { actorLabel: "someone else" } })).rejects.toThrow(/append-only/);
    expect((await api.db.auditEntry.findUniqueOrThrow({ where: { id: entry.id } })).action).toBe(entry.action);
  });

  it("names the first entry rewritten in SQL behind the app's back", async () => {
    const { org } = await busyOrg(api, "audit-tamper");
    const target = await api.db.auditEntry.findFirstOrThrow({ where: { orgId: org.orgId, action: "policy_config.version.create" } });
    await asSuperuser(withTriggerOff(`UPDATE audit_entries SET "actorLabel" = 'intern@example.test' WHERE id = $1`), [[], [target.id]]);
    const res = ZAuditVerifyResult.parse((await org.as.admin.get("/v1/audit-log/verify")).body);
    expect(res.ok).toBe(false);
    expect(res.checked).toBe(target.seq - 1);
    expect(res.firstBroken).toMatchObject({ id: target.id, seq: target.seq, reason: "hash_mismatch" });
    expect(res.firstBroken!.message).toContain(`#${target.seq}`);
    // Other orgs' chains are untouched.
    expect(ZAuditVerifyResult.parse((await b.org.as.admin.get("/v1/audit-log/verify")).body).ok).toBe(true);
  });

  it("detects a forged entry inserted with a made-up hash, and a deleted entry", async () => {
    const forged = await busyOrg(api, "audit-forge");
    const head = await api.db.auditEntry.findFirstOrThrow({ where: { orgId: forged.org.orgId }, orderBy: { seq: "desc" } });
    await asSuperuser(
      [`INSERT INTO audit_entries (id, "orgId", seq, "actorType", "actorLabel", action, "resourceType", "prevHash", hash) VALUES (gen_random_uuid(), $1, $2, 'user', 'admin', 'gateway.archive', 'gateway', $3, $4)`],
      [[forged.org.orgId, head.seq + 1, head.hash, "f".repeat(64)]],
    );
    const res = ZAuditVerifyResult.parse((await forged.org.as.admin.get("/v1/audit-log/verify")).body);
    expect(res.firstBroken).toMatchObject({ seq: head.seq + 1, reason: "hash_mismatch" });

    const removed = await busyOrg(api, "audit-delete");
    const victim = await api.db.auditEntry.findFirstOrThrow({ where: { orgId: removed.org.orgId, seq: 2 } });
    await asSuperuser(withTriggerOff(`DELETE FROM audit_entries WHERE id = $1`), [[], [victim.id]]);
    const gap = ZAuditVerifyResult.parse((await removed.org.as.admin.get("/v1/audit-log/verify")).body);
    expect(gap.firstBroken).toMatchObject({ seq: 3, reason: "seq_gap" });
  });
});
