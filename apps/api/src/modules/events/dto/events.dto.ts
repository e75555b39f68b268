import { createZodDto } from "nestjs-zod";
import { ZEventQuery, ZEventRecord, ZEventStreamQuery } from "@kt/contract";

export class EventQueryDto extends createZodDto(ZEventQuery) {}
export class EventStreamQueryDto extends createZodDto(ZEventStreamQuery) {}
export class EventRecordDto extends createZodDto(ZEventRecord) {}
