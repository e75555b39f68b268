import { Module } from "@nestjs/common";
import { WebhookDeliveryService } from "./webhook-delivery.service";
import { WebhooksController } from "./webhooks.controller";
import { WebhooksRepository } from "./webhooks.repository";
import { WebhooksService } from "./webhooks.service";

@Module({
  controllers: [WebhooksController],
  providers: [WebhooksService, WebhooksRepository, WebhookDeliveryService],
  exports: [WebhookDeliveryService],
})
export class WebhooksModule {}
