import type { TExportType } from "@kt/contract";
import { auditSource } from "./audit.source";
import { costSource } from "./cost.source";
import { eventsSource } from "./events.source";
import type { ExportSource } from "./export-source";

export const EXPORT_SOURCES: Record<TExportType, ExportSource> = {
  events: eventsSource,
  cost: costSource,
  audit: auditSource,
};
