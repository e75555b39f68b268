import { createZodDto } from "nestjs-zod";
import { ZPriceChangeResult, ZPriceKey, ZPriceList, ZSetPrice } from "@kt/contract";

export class PriceListDto extends createZodDto(ZPriceList) {}
export class SetPriceDto extends createZodDto(ZSetPrice) {}
export class PriceKeyDto extends createZodDto(ZPriceKey) {}
export class PriceChangeResultDto extends createZodDto(ZPriceChangeResult) {}
