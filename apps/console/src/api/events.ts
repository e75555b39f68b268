import {
  EVENT_ROUTES,
  ZEventGroups,
  ZEventPage,
  ZEventRecord,
  type TEventGroupKey,
  type TEventGroups,
  type TEventPage,
  type TEventRecord,
} from "@kt/contract";
import { apiRequest, proxyUrl } from "./client";

/** The filters as the query string carries them (comma-separated lists, time specs): what `GET /v1/events` reads. */
export type TEventFilterParams = Partial<
  Record<
    "since" | "until" | "gateway" | "team" | "provider" | "model" | "user" | "policy" | "action" | "status",
    string
  >
>;

export function listEvents(
  params: TEventFilterParams & { limit?: number; cursor?: string },
  signal?: AbortSignal,
): Promise<TEventPage> {
  return apiRequest({ path: EVENT_ROUTES.list, schema: ZEventPage, query: params, signal });
}

export function groupEvents(
  params: TEventFilterParams & { groupBy: readonly TEventGroupKey[]; limit?: number },
  signal?: AbortSignal,
): Promise<TEventGroups> {
  const { groupBy, ...filters } = params;
  return apiRequest({
    path: EVENT_ROUTES.list,
    schema: ZEventGroups,
    query: { ...filters, group_by: groupBy.join(",") },
    signal,
  });
}

export function getEvent(id: string, signal?: AbortSignal): Promise<TEventRecord> {
  return apiRequest({ path: `/v1/events/${encodeURIComponent(id)}`, schema: ZEventRecord, signal });
}

/** The SSE tail through the Console's proxy (since/until do not apply to a live stream). */
export function eventStreamUrl(params: TEventFilterParams): string {
  const { since: _since, until: _until, ...filters } = params;
  return proxyUrl(EVENT_ROUTES.stream, filters);
}
