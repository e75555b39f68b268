import { createZodDto } from "nestjs-zod";
import { ZAssignGatewayConfig, ZCreateGateway, ZGateway, ZGatewayList, ZGatewayWithCredential, ZListGatewaysQuery, ZUpdateGateway } from "@kt/contract";

export class CreateGatewayDto extends createZodDto(ZCreateGateway) {}
export class UpdateGatewayDto extends createZodDto(ZUpdateGateway) {}
export class AssignGatewayConfigDto extends createZodDto(ZAssignGatewayConfig) {}
export class ListGatewaysQueryDto extends createZodDto(ZListGatewaysQuery) {}
export class GatewayDto extends createZodDto(ZGateway) {}
export class GatewayListDto extends createZodDto(ZGatewayList) {}
export class GatewayWithCredentialDto extends createZodDto(ZGatewayWithCredential) {}
