import { createZodDto } from "nestjs-zod";
import { ZEventBatch, ZIngestQuery, ZIngestResponse } from "@kt/contract";

export class EventBatchDto extends createZodDto(ZEventBatch) {}
export class IngestResponseDto extends createZodDto(ZIngestResponse) {}
export class IngestQueryDto extends createZodDto(ZIngestQuery) {}
