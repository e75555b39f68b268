import {
  ZAuditLogPage,
  ZAuditVerifyResult,
  type TAuditLogQuery,
  type TAuditVerifyResult,
} from "@kt/contract";
import { apiRequest } from "./client";

export type TAuditFilters = Partial<Omit<TAuditLogQuery, "limit" | "cursor">>;

export function listAuditLog(filters: TAuditFilters, cursor: string | undefined, signal?: AbortSignal) {
  return apiRequest({
    path: "/v1/audit-log",
    query: { ...filters, cursor, limit: 50 },
    schema: ZAuditLogPage,
    signal,
  });
}

export function verifyAuditLog(signal?: AbortSignal): Promise<TAuditVerifyResult> {
  return apiRequest({ path: "/v1/audit-log/verify", schema: ZAuditVerifyResult, signal });
}
