import { ExecutionContext, Injectable } from "@nestjs/common";
import { Reflector } from "@nestjs/core";
import { AuthGuard as PassportAuthGuard } from "@nestjs/passport";
import { API_TOKEN_PREFIX, type TRole } from "@kt/contract";
import type { Request } from "express";
import { AppError } from "../errors/app-error";
import { ApiTokenAuthenticator } from "./api-token.authenticator";
import type { AuthContext } from "./auth-context";
import { ALLOWED_ROLES, IS_PUBLIC } from "./decorators";
import type { JwtPrincipal } from "./jwt.strategy";

/**
 * Global and deny-by-default: resolves the caller (a user's JWT or an API token) and their org and
 * role once, then checks the route's allowed roles. `@Public()` is the only way out.
 */
@Injectable()
export class AuthGuard extends PassportAuthGuard("jwt") {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiTokens: ApiTokenAuthenticator,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const roles = this.reflector.getAllAndOverride<TRole[] | undefined>(ALLOWED_ROLES, targets);
    if (!roles) throw new AppError("internal", "Route declares no allowed roles");

    const req = context.switchToHttp().getRequest<Request & { auth?: AuthContext; user?: JwtPrincipal }>();
    const header = req.headers.authorization;
    if (!header)
      throw new AppError(
        "unauthenticated",
        "Missing Authorization header: send `Authorization: Bearer <token>`",
      );
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AppError("unauthenticated", "Authorization header must be `Bearer <token>`");

    const requestId = String((req as any).id ?? "");
    const ip = req.ip ?? "";
    if (match[1].startsWith(API_TOKEN_PREFIX)) {
      req.auth = await this.apiTokens.authenticate(match[1], { requestId, ip });
    } else {
      await super.canActivate(context);
      const p = req.user!;
      req.auth = {
        orgId: p.orgId,
        role: p.role,
        via: "jwt",
        userId: p.userId,
        tokenId: null,
        actorLabel: p.email,
        requestId,
        ip,
      };
    }
    if (!roles.includes(req.auth.role)) {
      throw AppError.forbidden(
        `Your role (${req.auth.role}) cannot do this; it needs one of: ${roles.join(", ")}`,
      );
    }
    return true;
  }

  override handleRequest<T>(err: unknown, user: T): T {
    if (err || !user) throw new AppError("unauthenticated", "Invalid or expired token; sign in again");
    return user;
  }
}
