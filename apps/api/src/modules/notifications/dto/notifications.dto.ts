import { createZodDto } from "nestjs-zod";
import { z } from "zod";
import { ZNotificationListQuery, ZNotificationPage } from "@kt/contract";

export class NotificationListQueryDto extends createZodDto(ZNotificationListQuery) {}
export class NotificationPageDto extends createZodDto(ZNotificationPage) {}
export class MarkedDto extends createZodDto(z.object({ marked: z.number().int() })) {}
