import { Body, Controller, Delete, Get, Put, Query } from "@nestjs/common";
import { ApiTags } from "@nestjs/swagger";
import { ZodResponse } from "nestjs-zod";
import type { AuthContext } from "../../common/auth/auth-context";
import { Ctx, RequirePermission } from "../../common/auth/decorators";
import { PriceChangeResultDto, PriceKeyDto, PriceListDto, SetPriceDto } from "./dto/prices.dto";
import { PricesService } from "./prices.service";

@ApiTags("prices")
@Controller("prices")
export class PricesController {
  constructor(private readonly prices: PricesService) {}

  @Get()
  @RequirePermission("costs:read")
  @ZodResponse({
    status: 200,
    type: PriceListDto,
    description: "The list price table with the org's overrides, and models seen without a price",
  })
  list(@Ctx() ctx: AuthContext) {
    return this.prices.list(ctx);
  }

  @Put()
  @RequirePermission("prices:write")
  @ZodResponse({
    status: 200,
    type: PriceChangeResultDto,
    description: "Set the org's price for a model; stored costs are recomputed",
  })
  set(@Ctx() ctx: AuthContext, @Body() body: SetPriceDto) {
    return this.prices.set(ctx, body as SetPriceDto & { cachedInputPerMTok: number | null });
  }

  @Delete()
  @RequirePermission("prices:write")
  @ZodResponse({
    status: 200,
    type: PriceChangeResultDto,
    description: "Remove an override (?provider=&model=); stored costs are recomputed",
  })
  remove(@Ctx() ctx: AuthContext, @Query() query: PriceKeyDto) {
    return this.prices.remove(ctx, query.provider, query.model);
  }
}
