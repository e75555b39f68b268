import { ZDashboardSummary, type TDashboardSummary } from "@kt/contract";
import { apiRequest } from "./client";

export type TDashboardParams = { since: string; until?: string; team?: string };

export function getDashboardSummary(
  params: TDashboardParams,
  signal?: AbortSignal,
): Promise<TDashboardSummary> {
  return apiRequest({ path: "/v1/dashboard/summary", schema: ZDashboardSummary, query: params, signal });
}
