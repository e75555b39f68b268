import {
  applyDecorators,
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  Injectable,
  UseGuards,
} from "@nestjs/common";
import { ApiBearerAuth } from "@nestjs/swagger";
import type { Request } from "express";
import { DbService } from "../db/db.module";
import { sha256 } from "../crypto";
import { AppError } from "../errors/app-error";
import { Public } from "./decorators";

export const GATEWAY_CREDENTIAL_PREFIX = "kt_gw_";

/** The gateway process calling a gateway route (sync, heartbeat, budget, ingest). */
export type GatewayCaller = { gatewayId: string; orgId: string; teamId: string | null; name: string };

/** Authenticates `Authorization: Bearer kt_gw_…` against the stored hashes of gateway credentials. */
@Injectable()
export class GatewayCredentialGuard implements CanActivate {
  constructor(private readonly db: DbService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request & { gateway?: GatewayCaller }>();
    const match = /^Bearer\s+(kt_gw_\S+)$/.exec(req.headers.authorization ?? "");
    if (!match)
      throw new AppError(
        "unauthenticated",
        "Gateway routes need `Authorization: Bearer kt_gw_…` (the gateway credential)",
      );
    const gateway = await this.db.system.gateway.findUnique({ where: { credentialHash: sha256(match[1]) } });
    if (!gateway || gateway.archivedAt)
      throw new AppError("unauthenticated", "Gateway credential is invalid or the gateway was removed");
    req.gateway = { gatewayId: gateway.id, orgId: gateway.orgId, teamId: gateway.teamId, name: gateway.name };
    return true;
  }
}

/** A route called by gateways with their credential, not by users. */
export const GatewayAuth = () =>
  applyDecorators(Public(), UseGuards(GatewayCredentialGuard), ApiBearerAuth());

export const CurrentGateway = createParamDecorator((_: unknown, host: ExecutionContext): GatewayCaller => {
  return host.switchToHttp().getRequest().gateway;
});
