import { createZodDto } from "nestjs-zod";
import { ZEventBatch, ZIngestResponse } from "@kt/contract";

export class EventBatchDto extends createZodDto(ZEventBatch) {}
export class IngestResponseDto extends createZodDto(ZIngestResponse) {}
