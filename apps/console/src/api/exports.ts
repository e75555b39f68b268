import { ZExport, ZExportList, type TCreateExport, type TExport, type TExportList } from "@kt/contract";
import { apiRequest, proxyUrl } from "./client";

export function createExport(body: TCreateExport): Promise<TExport> {
  return apiRequest({ path: "/v1/exports", method: "POST", schema: ZExport, body });
}

export function listExports(
  params: { limit?: number; cursor?: string },
  signal?: AbortSignal,
): Promise<TExportList> {
  return apiRequest({ path: "/v1/exports", schema: ZExportList, query: params, signal });
}

export function getExport(id: string, signal?: AbortSignal): Promise<TExport> {
  return apiRequest({ path: `/v1/exports/${encodeURIComponent(id)}`, schema: ZExport, signal });
}

/** Streamed by the proxy with the API's Content-Disposition, so the browser saves it under the export's file name. */
export function exportDownloadUrl(id: string): string {
  return proxyUrl(`/v1/exports/${encodeURIComponent(id)}/download`);
}

/** Stops a queued or running export; the API answers 409 once it has finished. */
export function cancelExport(id: string): Promise<TExport> {
  return apiRequest({ path: `/v1/exports/${encodeURIComponent(id)}/cancel`, method: "POST", schema: ZExport });
}
