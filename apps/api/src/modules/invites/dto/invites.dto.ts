import { createZodDto } from "nestjs-zod";
import {
  ZAcceptedInvite,
  ZAcceptInvite,
  ZCreatedInvite,
  ZCreateInvite,
  ZInvite,
  ZInviteList,
  ZInvitePreview,
  ZInviteToken,
} from "@kt/contract";

export class CreateInviteDto extends createZodDto(ZCreateInvite) {}
export class InviteTokenDto extends createZodDto(ZInviteToken) {}
export class AcceptInviteDto extends createZodDto(ZAcceptInvite) {}
export class InviteDto extends createZodDto(ZInvite) {}
export class InviteListDto extends createZodDto(ZInviteList) {}
export class CreatedInviteDto extends createZodDto(ZCreatedInvite) {}
export class InvitePreviewDto extends createZodDto(ZInvitePreview) {}
export class AcceptedInviteDto extends createZodDto(ZAcceptedInvite) {}
