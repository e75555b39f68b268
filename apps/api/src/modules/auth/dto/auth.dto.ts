import { createZodDto } from "nestjs-zod";
import { ZLoginRequest, ZMe, ZSession, ZSignupRequest } from "@kt/contract";

export class SignupDto extends createZodDto(ZSignupRequest) {}
export class LoginDto extends createZodDto(ZLoginRequest) {}
export class SessionDto extends createZodDto(ZSession) {}
export class MeDto extends createZodDto(ZMe) {}
