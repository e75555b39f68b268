import { createZodDto } from "nestjs-zod";
import {
  ZApiToken,
  ZApiTokenList,
  ZApiTokenWithSecret,
  ZCreateApiToken,
  ZListApiTokensQuery,
} from "@kt/contract";

export class CreateApiTokenDto extends createZodDto(ZCreateApiToken) {}
export class ListApiTokensQueryDto extends createZodDto(ZListApiTokensQuery) {}
export class ApiTokenDto extends createZodDto(ZApiToken) {}
export class ApiTokenListDto extends createZodDto(ZApiTokenList) {}
export class ApiTokenWithSecretDto extends createZodDto(ZApiTokenWithSecret) {}
