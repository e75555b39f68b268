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
import { TelemetryPool } from "../../modules/events/telemetry-pool";
import { sha256 } from "../crypto";
import { AppError } from "../errors/app-error";
import { Public } from "./decorators";

export const GATEWAY_CREDENTIAL_PREFIX = "kt_gw_";

/** The gateway process calling a gateway route (sync, heartbeat, budget, ingest). */
export type GatewayCaller = { gatewayId: string; orgId: string; teamId: string | null; name: string };

/**
 * Authenticates `Authorization: Bearer kt_gw_…` against the stored hashes of gateway credentials. Every gateway
 * call passes here (budget reservations on the LLM call's path among them), so the lookup is one plain `pg` query
 * (~0.7 ms) rather than a Prisma query (~4 ms here), and never cached: a removed gateway is refused at once.
 */
@Injectable()
export class GatewayCredentialGuard implements CanActivate {
  constructor(private readonly sql: TelemetryPool) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request & { gateway?: GatewayCaller }>();
    const match = /^Bearer\s+(kt_gw_\S+)$/.exec(req.headers.authorization ?? "");
    if (!match)
      throw new AppError(
        "unauthenticated",
        "Gateway routes need `Authorization: Bearer kt_gw_…` (the gateway credential)",
      );
    const { rows } = await this.sql.pool.query<GatewayCaller>(
      `SELECT id AS "gatewayId", "orgId", "teamId", name FROM gateways WHERE "credentialHash" = $1 AND "archivedAt" IS NULL`,
      [sha256(match[1])],
    );
    if (rows.length === 0)
      throw new AppError("unauthenticated", "Gateway credential is invalid or the gateway was removed");
    req.gateway = rows[0];
    return true;
  }
}

/** A route called by gateways with their credential, not by users. */
export const GatewayAuth = () =>
  applyDecorators(Public(), UseGuards(GatewayCredentialGuard), ApiBearerAuth());

export const CurrentGateway = createParamDecorator((_: unknown, host: ExecutionContext): GatewayCaller => {
  return host.switchToHttp().getRequest().gateway;
});
