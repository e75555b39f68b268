import { createZodDto } from "nestjs-zod";
import { ZCreateMember, ZMember, ZMemberList, ZUpdateMember } from "@kt/contract";

export class CreateMemberDto extends createZodDto(ZCreateMember) {}
export class UpdateMemberDto extends createZodDto(ZUpdateMember) {}
export class MemberDto extends createZodDto(ZMember) {}
export class MemberListDto extends createZodDto(ZMemberList) {}
