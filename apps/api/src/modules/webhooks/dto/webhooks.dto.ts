import { createZodDto } from "nestjs-zod";
import { z } from "zod";
import { ZCreateWebhook, ZUpdateWebhook, ZWebhook, ZWebhookCreated, ZWebhookList } from "@kt/contract";

export class CreateWebhookDto extends createZodDto(ZCreateWebhook) {}
export class UpdateWebhookDto extends createZodDto(ZUpdateWebhook) {}
export class WebhookDto extends createZodDto(ZWebhook) {}
export class WebhookCreatedDto extends createZodDto(ZWebhookCreated) {}
export class WebhookListDto extends createZodDto(ZWebhookList) {}
export class WebhookTestDto extends createZodDto(z.object({ status: z.number().int() })) {}
