import { createZodDto } from "nestjs-zod";
import { ZCreateGatewayKey, ZGatewayKey, ZGatewayKeyList, ZGatewayKeyWithSecret, ZListGatewayKeysQuery, ZRotateGatewayKey } from "@kt/contract";

export class CreateGatewayKeyDto extends createZodDto(ZCreateGatewayKey) {}
export class RotateGatewayKeyDto extends createZodDto(ZRotateGatewayKey) {}
export class ListGatewayKeysQueryDto extends createZodDto(ZListGatewayKeysQuery) {}
export class GatewayKeyDto extends createZodDto(ZGatewayKey) {}
export class GatewayKeyListDto extends createZodDto(ZGatewayKeyList) {}
export class GatewayKeyWithSecretDto extends createZodDto(ZGatewayKeyWithSecret) {}
