import { Controller, Get, HttpCode, Param, Post, Query } from "@nestjs/common";
import { ApiTags } from "@nestjs/swagger";
import { ZodResponse } from "nestjs-zod";
import type { AuthContext } from "../../common/auth/auth-context";
import { AnyRole, Ctx } from "../../common/auth/decorators";
import { IdParam } from "../../common/http/id-param.dto";
import { MarkedDto, NotificationListQueryDto, NotificationPageDto } from "./dto/notifications.dto";
import { NotificationsService } from "./notifications.service";

/** The org's feed (budget thresholds, escalations raised): every member reads it. */
@ApiTags("notifications")
@Controller("notifications")
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @AnyRole()
  @ZodResponse({ status: 200, type: NotificationPageDto, description: "Newest first" })
  list(@Ctx() ctx: AuthContext, @Query() query: NotificationListQueryDto) {
    return this.notifications.list(ctx, query);
  }

  @Post("read")
  @HttpCode(200)
  @AnyRole()
  @ZodResponse({ status: 200, type: MarkedDto, description: "Mark every notification read" })
  markAllRead(@Ctx() ctx: AuthContext) {
    return this.notifications.markRead(ctx, null);
  }

  @Post(":id/read")
  @HttpCode(200)
  @AnyRole()
  @ZodResponse({ status: 200, type: MarkedDto })
  markRead(@Ctx() ctx: AuthContext, @Param() { id }: IdParam) {
    return this.notifications.markRead(ctx, id);
  }
}
