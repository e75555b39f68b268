import type { ExportSource } from "./export-source";

/** The org's audit log in chain order (seq), as `GET /v1/audit-log` shows entries, hashes included. */
export const auditSource: ExportSource = {
  columns: [
    { name: "id", kind: "text" },
    { name: "seq", kind: "integer" },
    { name: "createdAt", kind: "time" },
    { name: "actorType", kind: "text" },
    { name: "actorId", kind: "text" },
    { name: "actorLabel", kind: "text" },
    { name: "action", kind: "text" },
    { name: "resourceType", kind: "text" },
    { name: "resourceId", kind: "text" },
    { name: "before", kind: "json" },
    { name: "after", kind: "json" },
    { name: "requestId", kind: "text" },
    { name: "ip", kind: "text" },
    { name: "prevHash", kind: "text" },
    { name: "hash", kind: "text" },
  ],
  base: (spec) => ({
    sql: `SELECT a.id, a.seq, a."createdAt", a."actorType", a."actorId", a."actorLabel", a.action, a."resourceType",
                 a."resourceId", a.before, a.after, a."requestId", a.ip, a."prevHash", a.hash
            FROM audit_entries a
           WHERE a."orgId" = $1 AND a."createdAt" >= $2 AND a."createdAt" < $3`,
    params: [spec.orgId, spec.since, spec.until],
  }),
  orderBy: ["seq"],
};
