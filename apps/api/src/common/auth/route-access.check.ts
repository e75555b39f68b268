import { Injectable, type OnApplicationBootstrap } from "@nestjs/common";
import { ModulesContainer } from "@nestjs/core";
import { describeAccess, listRoutes } from "../http/route-catalog";

/**
 * Deny-by-default made loud: a route that is neither public nor declares its roles would answer
 * every call with a 500, so the app refuses to start instead, naming the route.
 */
@Injectable()
export class RouteAccessCheck implements OnApplicationBootstrap {
  constructor(private readonly modules: ModulesContainer) {}

  onApplicationBootstrap() {
    const undeclared = listRoutes(this.modules).filter((r) => r.access.kind === "undeclared");
    if (undeclared.length === 0) return;
    const names = undeclared.map(
      (r) => `${r.method} ${r.path} (${r.controller}.${r.handler}): ${describeAccess(r.access)}`,
    );
    throw new Error(
      `Routes without @Public(), @GatewayAuth() or @RequirePermission(...):\n  ${names.join("\n  ")}`,
    );
  }
}
