import { z } from "zod";
import { ZId } from "./common";

/** BullMQ queue names. Each worker process consumes the ones WORKER_QUEUES names. */
export const QUEUES = {
  exports: "exports",
} as const;
export type TQueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Job names on the exports queue. */
export const EXPORT_JOBS = {
  /** Write one export file; jobId is the export's row id. */
  run: "export.run",
  /** Scheduled (repeatable): remove expired export files. */
  sweep: "export.sweep",
} as const;
export type TExportJobName = (typeof EXPORT_JOBS)[keyof typeof EXPORT_JOBS];

/** Payloads carry ids only; the worker re-reads the row scoped to the org. */
export const ZExportRunPayload = z.object({ orgId: ZId, exportId: ZId });
export type TExportRunPayload = z.infer<typeof ZExportRunPayload>;

export const ZExportSweepPayload = z.object({});
export type TExportSweepPayload = z.infer<typeof ZExportSweepPayload>;

/** The payload type of each job name, so producers and the worker's handlers cannot disagree. */
export type TExportJobPayloads = {
  "export.run": TExportRunPayload;
  "export.sweep": TExportSweepPayload;
};
