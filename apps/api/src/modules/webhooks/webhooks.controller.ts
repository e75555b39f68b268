import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from "@nestjs/common";
import { ApiTags } from "@nestjs/swagger";
import { ZodResponse } from "nestjs-zod";
import type { AuthContext } from "../../common/auth/auth-context";
import { Ctx, RequirePermission } from "../../common/auth/decorators";
import { IdParam } from "../../common/http/id-param.dto";
import {
  CreateWebhookDto,
  UpdateWebhookDto,
  WebhookCreatedDto,
  WebhookDto,
  WebhookListDto,
  WebhookTestDto,
} from "./dto/webhooks.dto";
import { WebhooksService } from "./webhooks.service";

@ApiTags("webhooks")
@Controller("webhooks")
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  @RequirePermission("webhooks:read")
  @ZodResponse({ status: 200, type: WebhookListDto })
  list(@Ctx() ctx: AuthContext) {
    return this.webhooks.list(ctx);
  }

  @Post()
  @RequirePermission("webhooks:write")
  @ZodResponse({
    status: 201,
    type: WebhookCreatedDto,
    description: "The signing secret is shown in this answer only",
  })
  create(@Ctx() ctx: AuthContext, @Body() body: CreateWebhookDto) {
    return this.webhooks.create(ctx, body as CreateWebhookDto & { events: string[] });
  }

  @Patch(":id")
  @RequirePermission("webhooks:write")
  @ZodResponse({ status: 200, type: WebhookDto })
  update(@Ctx() ctx: AuthContext, @Param() { id }: IdParam, @Body() body: UpdateWebhookDto) {
    return this.webhooks.setDisabled(ctx, id, body.disabled);
  }

  @Delete(":id")
  @HttpCode(204)
  @RequirePermission("webhooks:write")
  remove(@Ctx() ctx: AuthContext, @Param() { id }: IdParam) {
    return this.webhooks.remove(ctx, id);
  }

  @Post(":id/test")
  @HttpCode(200)
  @RequirePermission("webhooks:write")
  @ZodResponse({
    status: 200,
    type: WebhookTestDto,
    description: "Sends one signed test delivery and reports the receiver's HTTP status (0: no answer)",
  })
  test(@Ctx() ctx: AuthContext, @Param() { id }: IdParam) {
    return this.webhooks.test(ctx, id);
  }
}
