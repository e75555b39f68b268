import { Inject, Injectable } from "@nestjs/common";
import { PassportStrategy } from "@nestjs/passport";
import { ExtractJwt, Strategy } from "passport-jwt";
import { ENV, type TEnv } from "../../config/env";
import { DbService } from "../db/db.module";

export type JwtPayload = { sub: string; org: string };
export type JwtPrincipal = {
  userId: string;
  orgId: string;
  role: import("@kt/contract").TRole;
  email: string;
};

/** Verifies the JWT and re-reads the membership, so a role change or removal applies at once. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, "jwt") {
  constructor(
    @Inject(ENV) env: TEnv,
    private readonly db: DbService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: env.JWT_SECRET,
      algorithms: ["HS256"],
      ignoreExpiration: false,
    });
  }

  async validate(payload: JwtPayload): Promise<JwtPrincipal | false> {
    if (typeof payload?.sub !== "string" || typeof payload?.org !== "string") return false;
    const membership = await this.db.system.membership.findUnique({
      where: { orgId_userId: { orgId: payload.org, userId: payload.sub } },
      include: { user: { select: { email: true } } },
    });
    if (!membership) return false;
    return { userId: payload.sub, orgId: payload.org, role: membership.role, email: membership.user.email };
  }
}
