import { Body, Controller, Get, HttpCode, Post, Req } from "@nestjs/common";
import { ApiTags } from "@nestjs/swagger";
import type { Request } from "express";
import { ZodResponse } from "nestjs-zod";
import type { AuthContext } from "../../common/auth/auth-context";
import { AnyRole, Ctx, Public } from "../../common/auth/decorators";
import { AuthService } from "./auth.service";
import { LoginDto, MeDto, SessionDto, SignupDto } from "./dto/auth.dto";

@ApiTags("auth")
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post("auth/signup")
  @ZodResponse({ status: 201, type: SessionDto, description: "The new org, its first admin, and a session" })
  signup(@Body() body: SignupDto, @Req() req: Request) {
    return this.auth.signup(body, { requestId: String((req as any).id ?? ""), ip: req.ip ?? "" });
  }

  @Public()
  @Post("auth/login")
  @HttpCode(200)
  @ZodResponse({ status: 200, type: SessionDto })
  login(@Body() body: LoginDto, @Req() req: Request) {
    return this.auth.login(body, req.ip ?? "");
  }

  @AnyRole()
  @Get("me")
  @ZodResponse({ status: 200, type: MeDto })
  me(@Ctx() ctx: AuthContext) {
    return this.auth.me(ctx);
  }
}
