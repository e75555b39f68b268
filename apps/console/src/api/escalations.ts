import {
  ZEscalationDetail,
  ZEscalationPage,
  type TEscalationDetail,
  type TResolveEscalation,
} from "@kt/contract";
import { apiRequest } from "./client";

export type TEscalationFilters = {
  status: "open" | "approved" | "rejected" | "all";
  assignee?: "me" | "none";
};

export function listEscalations(filters: TEscalationFilters, signal?: AbortSignal) {
  return apiRequest({
    path: "/v1/escalations",
    query: { ...filters, limit: 200 },
    schema: ZEscalationPage,
    signal,
  });
}

export function getEscalation(id: string, signal?: AbortSignal): Promise<TEscalationDetail> {
  return apiRequest({ path: `/v1/escalations/${id}`, schema: ZEscalationDetail, signal });
}

export function assignEscalation(id: string, assigneeId: string | null): Promise<TEscalationDetail> {
  return apiRequest({
    path: `/v1/escalations/${id}/assign`,
    method: "POST",
    body: { assigneeId },
    schema: ZEscalationDetail,
  });
}

export function resolveEscalation(id: string, body: TResolveEscalation): Promise<TEscalationDetail> {
  return apiRequest({
    path: `/v1/escalations/${id}/resolve`,
    method: "POST",
    body,
    schema: ZEscalationDetail,
  });
}

export function commentOnEscalation(id: string, body: string): Promise<TEscalationDetail> {
  return apiRequest({
    path: `/v1/escalations/${id}/comments`,
    method: "POST",
    body: { body },
    schema: ZEscalationDetail,
  });
}
